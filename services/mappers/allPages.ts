import type { CursorPageDto } from '../dto'

/**
 * Most pages read of a list the backend may or may not paginate. DRF paginates every list view once a
 * DEFAULT_PAGINATION_CLASS is set globally, so a short list such as the categories can arrive in pages of 10 or
 * 20; a list still going after this many is a misconfigured backend, and what was read by then is used.
 */
export const MAX_LIST_PAGES = 50

/** One page of such a list: `query` null for the first, else the query of the previous page's `next`. */
export type FetchListPage<T> = (query: URLSearchParams | null) => Promise<T[] | CursorPageDto<T>>

/**
 * Every item of a list endpoint that answers either a plain array or DRF pages (`{next, previous, results}`),
 * following `next`: the next page is asked with `next`'s query (`?cursor=…`, `?page=2`, `?limit=&offset=`) on the
 * same endpoint, so the backend's absolute URL, whose host may be one only the backend knows, is never called.
 * Stops at the last page, at a `next` it was already given, or after `maxPages`. A page that fails fails the whole
 * list: a list missing its later pages would look complete.
 */
export async function allPages<T>(fetchPage: FetchListPage<T>, maxPages = MAX_LIST_PAGES): Promise<T[]> {
  return pagesFrom(await fetchPage(null), fetchPage, maxPages)
}

/**
 * allPages from a first answer already read: for a caller that loads this module only once that answer has a
 * `next` (orderService's shipping methods), so a list that fits on one page costs no code.
 */
export async function pagesFrom<T>(first: T[] | CursorPageDto<T>, fetchPage: FetchListPage<T>, maxPages = MAX_LIST_PAGES): Promise<T[]> {
  const items: T[] = []
  const seen = new Set<string>()
  let body = first
  for (let page = 1; ; page++) {
    if (Array.isArray(body)) {
      items.push(...body)
      break
    }
    items.push(...body.results)
    const query = nextPageQuery(body.next)
    const key = query?.toString()
    if (!key || seen.has(key) || page >= maxPages) break
    seen.add(key)
    body = await fetchPage(query)
  }
  return items
}

/** The query of DRF's absolute `next` URL; null at the end (or when it is no URL). */
export function nextPageQuery(next: string | null | undefined): URLSearchParams | null {
  if (!next) return null
  try {
    const query = new URL(next, 'http://relative.invalid').searchParams
    return query.toString() ? query : null
  }
  catch {
    return null
  }
}
