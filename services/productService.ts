import { ApiError } from '~/composables/core/api/ApiError'
import type { ApiClient } from '~/composables/core/api/types'
import type { CursorPageDto, FacetsDto, ProductDetailDto, ProductSummaryDto, ReviewDto } from './dto'
import type { ProductFacets } from './domain/facets'
import { isWellFormedCursor, type CursorPage } from './domain/pagination'
import type { ProductDetail, ProductQuery, ProductSummary } from './domain/product'
import type { Review } from './domain/review'
import { mapCursorPage, pageQueryParams } from './mappers/cursorPage'
import { toProductFacets } from './mappers/facets'
import { toProductDetail, toProductListParams, toProductSummary } from './mappers/product'
import { toReview } from './mappers/review'

export interface PageRequest {
  cursor?: string | null
  pageSize?: number
  signal?: AbortSignal
}

export interface RequestOptions {
  signal?: AbortSignal
}

/** DRF's answer to a cursor it did not hand out, given without asking it (the cursor came from a URL). */
function invalidCursor(): ApiError {
  return new ApiError({ status: 404, code: 'invalid_cursor', message: 'This page of results does not exist. Start again from the first page.', fieldErrors: {}, retryable: false })
}

export interface ProductServiceOptions {
  /**
   * How descriptions are sanitized: utils/html/sanitize's policy. A server render passes the process's
   * remembering copy (composables/ssr/useRenderSanitizer.ts); the browser loads the sanitizer on first use.
   */
  sanitizeHtml?: (html: string) => string
}

/** One function per catalog endpoint; stateless. */
export function productService(api: ApiClient, options?: ProductServiceOptions) {
  return {
    async list(query: ProductQuery, page: PageRequest = {}): Promise<CursorPage<ProductSummary>> {
      if (page.cursor && !isWellFormedCursor(page.cursor)) throw invalidCursor()
      const params = { ...toProductListParams(query), ...pageQueryParams(page.cursor), page_size: page.pageSize }
      const dto = await api.get<CursorPageDto<ProductSummaryDto>>('/products/', params, { signal: page.signal })
      return mapCursorPage(dto, toProductSummary)
    },

    async get(id: number, request: RequestOptions = {}): Promise<ProductDetail> {
      const dto = await api.get<ProductDetailDto>(`/products/${id}/`, undefined, { signal: request.signal })
      // (import.meta.server spelled out, so the browser's build drops the branch: its bytes are first-view weight.)
      if (import.meta.server && options?.sanitizeHtml) return toProductDetail(dto, options.sanitizeHtml)
      // Loaded on demand: the sanitizer (DOMPurify) only ships to pages that show a product description.
      const { sanitizeHtml } = await import('~/utils/html/sanitize')
      return toProductDetail(dto, sanitizeHtml)
    },

    /** Filter counts for a query; sort and paging do not change them. */
    async facets(query: ProductQuery, options: RequestOptions = {}): Promise<ProductFacets> {
      const params = { ...toProductListParams(query), ordering: undefined }
      const dto = await api.get<FacetsDto>('/products/facets/', params, { signal: options.signal })
      return toProductFacets(dto)
    },

    async reviews(productId: number, page: PageRequest = {}): Promise<CursorPage<Review>> {
      const params = { ...pageQueryParams(page.cursor), page_size: page.pageSize }
      const dto = await api.get<CursorPageDto<ReviewDto>>(`/products/${productId}/reviews/`, params, { signal: page.signal })
      return mapCursorPage(dto, toReview)
    },
  }
}

export type ProductService = ReturnType<typeof productService>
