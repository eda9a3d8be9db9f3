import type { ApiClient } from '~/composables/core/api/types'
import type { CategoryDto, CursorPageDto } from './dto'
import type { Category } from './domain/category'
import { toCategory } from './mappers/category'

/** Categories arrive as one flat list (a DRF router without pagination); a paginated answer is accepted too. */
export function categoryService(api: ApiClient) {
  return {
    async list(options: { signal?: AbortSignal } = {}): Promise<Category[]> {
      const dto = await api.get<CategoryDto[] | CursorPageDto<CategoryDto>>('/categories/', undefined, { signal: options.signal })
      return (Array.isArray(dto) ? dto : dto.results).map(toCategory)
    },
  }
}

export type CategoryService = ReturnType<typeof categoryService>
