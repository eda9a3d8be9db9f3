import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../seed/constants'
import type { DemoContext } from './context'
import { paginateByNumber } from './pageNumberPagination'
import type { Page } from './pagination'

// The 'page-number' and 'limit-offset' profiles: a list paged as a backend whose DEFAULT_PAGINATION_CLASS is DRF's
// PageNumberPagination (with page_size_query_param = "page_size", max_page_size 100) or LimitOffsetPagination
// (default_limit 24, max_limit 100). Both page a list by position, so an item inserted while a client walks it
// shifts the pages; that is DRF's behaviour too.

/** DRF `_positive_int`: junk gives the fallback, a negative is junk, `cutoff` caps it. */
function positiveInt(raw: string | null, fallback: number, strict: boolean, cutoff?: number): number {
  if (raw === null || !/^\s*\+?\d+\s*$/.test(raw)) return fallback
  const value = Number(raw)
  if (strict && value === 0) return fallback
  return cutoff === undefined ? value : Math.min(value, cutoff)
}

export function paginateByPageNumber<T>(context: DemoContext, items: readonly T[]): Page<T> {
  const size = positiveInt(context.query.get('page_size'), DEFAULT_PAGE_SIZE, true, MAX_PAGE_SIZE)
  const page = paginateByNumber(context, items, size)
  return { items: page.results, next: page.next, previous: page.previous, count: page.count }
}

/** DRF's LimitOffsetPagination: `limit` (default 24, at most 100), `offset` (junk is 0); `next` replaces both. */
export function paginateByLimitOffset<T>(context: DemoContext, items: readonly T[]): Page<T> {
  const limit = positiveInt(context.query.get('limit'), DEFAULT_PAGE_SIZE, true, MAX_PAGE_SIZE)
  const offset = positiveInt(context.query.get('offset'), 0, false)
  const link = (to: number): string => {
    const url = new URL(context.publicUrl)
    url.searchParams.set('limit', String(limit))
    if (to <= 0) url.searchParams.delete('offset')
    else url.searchParams.set('offset', String(to))
    return url.toString()
  }
  return {
    items: items.slice(offset, offset + limit),
    next: offset + limit < items.length ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.min(offset - limit, items.length - limit)) : null,
    count: items.length,
  }
}
