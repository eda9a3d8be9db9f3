import type { ApiClient } from '~/composables/core/api/types'
import type { CategoryDto, CursorPageDto } from './dto'
import type { Category } from './domain/category'
import { allPages } from './mappers/allPages'
import { toCategory } from './mappers/category'

/**
 * Categories arrive as one flat list (a DRF router without pagination), or in pages when the backend paginates
 * every list (DRF's global DEFAULT_PAGINATION_CLASS): then every page is read, or a category on a later one would
 * be unknown to the storefront and its page a 404.
 */
export function categoryService(api: ApiClient) {
  return {
    async list(options: { signal?: AbortSignal } = {}): Promise<Category[]> {
      const dtos = await allPages(query => api.get<CategoryDto[] | CursorPageDto<CategoryDto>>(
        '/categories/',
        query ? Object.fromEntries(query) : undefined,
        { signal: options.signal },
      ))
      return dtos.map(toCategory)
    },
  }
}

export type CategoryService = ReturnType<typeof categoryService>
