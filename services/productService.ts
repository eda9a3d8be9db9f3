import type { ApiClient } from '~/composables/core/api/types'
import type { CursorPageDto, ProductSummaryDto } from './dto'
import type { CursorPage } from './domain/pagination'
import type { ProductQuery, ProductSummary } from './domain/product'
import { mapCursorPage } from './mappers/cursorPage'
import { toProductListParams, toProductSummary } from './mappers/product'

export interface PageRequest {
  cursor?: string | null
  pageSize?: number
  signal?: AbortSignal
}

/** One function per catalog endpoint; stateless. */
export function productService(api: ApiClient) {
  return {
    async list(query: ProductQuery, page: PageRequest = {}): Promise<CursorPage<ProductSummary>> {
      const params = { ...toProductListParams(query), cursor: page.cursor ?? undefined, page_size: page.pageSize }
      const dto = await api.get<CursorPageDto<ProductSummaryDto>>('/products/', params, { signal: page.signal })
      return mapCursorPage(dto, toProductSummary)
    },
  }
}

export type ProductService = ReturnType<typeof productService>
