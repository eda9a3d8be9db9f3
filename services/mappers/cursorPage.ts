import type { CursorPageDto } from '../dto'
import type { CursorPage } from '../domain/pagination'

// A list's "cursor" is where its next page starts, taken from DRF's `next` whatever the backend's pagination style:
// CursorPagination's cursor as it is (so `?cursor=` links stay as they were), or the query that moves the page for
// PageNumberPagination (`page=2`) and LimitOffsetPagination (`limit=24&offset=24`). Services send it back on the
// same endpoint with the list's own filters (pageQueryParams); the absolute `next` URL is never called, its host may
// be one only the backend knows (allPages.ts). allPages' nextPageQuery reads `next` whole; this parser stays apart
// from it so the catalog's first view does not pull allPages in (34b8aa9); tests/unit/services/pageStyles.test.ts
// ties the two.

// A page-moving query, in the one form the token takes (the loop guard compares tokens as strings).
const PAGE_QUERY = /^(?:page=\d{1,9}|(?:limit=\d{1,9}&)?offset=\d{1,12})$/

/** Where the page of DRF's absolute `next`/`previous` URL starts (see above); null at the first page or the end. */
export function cursorFromUrl(url: string | null | undefined): string | null {
  if (!url) return null
  let query: URLSearchParams
  try {
    query = new URL(url, 'http://relative.invalid').searchParams
  }
  catch {
    return null
  }
  const cursor = query.get('cursor')
  if (cursor) return cursor
  const page = query.get('page')
  const offset = query.get('offset')
  const limit = query.get('limit')
  const token = page ? `page=${page}` : offset ? `${limit ? `limit=${limit}&` : ''}offset=${offset}` : ''
  return PAGE_QUERY.test(token) ? token : null
}

/** The query parameters that ask for the page a cursor names (none: the first page). */
export function pageQueryParams(cursor: string | null | undefined): Record<string, string> {
  if (!cursor) return {}
  return PAGE_QUERY.test(cursor) ? Object.fromEntries(new URLSearchParams(cursor)) : { cursor }
}

export function mapCursorPage<D, T>(dto: CursorPageDto<D>, mapItem: (item: D) => T): CursorPage<T> {
  const nextCursor = dto.next_cursor ?? cursorFromUrl(dto.next)
  return {
    items: dto.results.map(mapItem),
    nextCursor: nextCursor || null,
    previousCursor: cursorFromUrl(dto.previous),
  }
}
