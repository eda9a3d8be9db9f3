import type { ApiClient } from '~/composables/core/api/types'
import type { CategoryDto, CursorPageDto } from './dto'
import type { Category } from './domain/category'
import { allPages } from './mappers/allPages'
import { toCategory } from './mappers/category'

/**
 * The walker of DRF's `next`, for services that load it only when a list turns out to have a later page
 * (orderService's shipping methods). It is taken from here, whose chunk carries it anyway: imported on its own, Rollup
 * would make it a chunk of its own that this one imports, and the categories store, in the first view of every
 * catalog page, would carry a preload list for it (+0.045 KiB, over the budgets of /, /products, category and search).
 */
export { pagesFrom } from './mappers/allPages'

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
