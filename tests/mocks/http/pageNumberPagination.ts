import type { DemoContext } from './context'
import { HttpError, detail } from './responses'

/** DRF's PageNumberPagination body: a `count` of all items, `next`/`previous` as absolute URLs. */
export interface NumberedPage<T> {
  count: number
  next: string | null
  previous: string | null
  results: T[]
}

/**
 * DRF's PageNumberPagination over a list built per request: `?page=N` (1 when absent, `last` for the last page),
 * `next` replaces `page` in the request's absolute URL, the first page's `previous` drops it, and a page that is no
 * integer or out of range is 404 "Invalid page." (Django's Paginator; an empty list still has its page 1).
 */
export function paginateByNumber<T>(context: DemoContext, items: readonly T[], pageSize: number): NumberedPage<T> {
  const pages = Math.max(1, Math.ceil(items.length / pageSize))
  const raw = context.query.get('page')
  const number = raw === null ? 1 : raw === 'last' ? pages : /^\s*\+?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN
  if (!Number.isSafeInteger(number) || number < 1 || number > pages) throw new HttpError(detail(404, 'Invalid page.'))
  const link = (page: number): string => {
    const url = new URL(context.publicUrl)
    if (page === 1) url.searchParams.delete('page')
    else url.searchParams.set('page', String(page))
    return url.toString()
  }
  return {
    count: items.length,
    next: number < pages ? link(number + 1) : null,
    previous: number > 1 ? link(number - 1) : null,
    results: items.slice((number - 1) * pageSize, number * pageSize),
  }
}
