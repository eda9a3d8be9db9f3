import type { CursorPageDto } from '../../../services/dto'
import type { ContractClient } from './http'

// DRF pages a list in one of three styles, whichever DEFAULT_PAGINATION_CLASS (or a view's pagination_class) the
// backend sets; the contract allows each (docs/openapi.yaml, CursorPageBase). A client follows `next` and sends back
// the query that moves the page; the suite checks each style's own promises.

export type PageStyle = 'cursor' | 'page-number' | 'limit-offset'

/** The query parameter that moves the page. */
export const PAGE_PARAM: Record<PageStyle, string> = { 'cursor': 'cursor', 'page-number': 'page', 'limit-offset': 'offset' }

/** The query parameter that sizes a page: page_size_query_param, or LimitOffsetPagination's `limit`. */
export const SIZE_PARAM: Record<PageStyle, string> = { 'cursor': 'page_size', 'page-number': 'page_size', 'limit-offset': 'limit' }

/** Which style a `next` link comes from, by the parameter that moves the page. */
export function pageStyleOf(next: string): PageStyle {
  const query = new URL(next).searchParams
  if (query.has('cursor')) return 'cursor'
  if (query.has('page')) return 'page-number'
  if (query.has('offset')) return 'limit-offset'
  throw new Error(`next (${next}) moves the page by none of DRF's pagination parameters`)
}

/** The style of the backend's product list, read from its first page's `next`. */
export async function productPageStyle(client: ContractClient): Promise<PageStyle> {
  const { body } = await client.call<CursorPageDto<unknown>>('/products/?page_size=2&limit=2')
  if (!body.next) throw new Error('the product list has no second page to tell its pagination style by')
  return pageStyleOf(body.next)
}
