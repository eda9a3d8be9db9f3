import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../seed/constants'
import { comparePosition, lowerBound, upperBound } from '../db/orderings'
import type { SortKey } from '../db/orderings'
import type { DemoContext } from './context'
import { paginateDrf } from './drfCursorPagination'
import { paginateByLimitOffset, paginateByPageNumber } from './offsetPagination'
import { HttpError, detail } from './responses'

// The demo's standard pagination: DRF CursorPagination's shape (`{next, previous, results}`, opaque `cursor`), keyset
// flavour: a cursor is a position (key, id) in one ordering plus a direction. Walking forward from any position
// yields each item after it exactly once, even while items are inserted, and `previous` gives back the same page.
// The 'drf' profile answers like DRF's own CursorPagination instead (drfCursorPagination.ts); 'page-number' and
// 'limit-offset' like DRF's other two styles (offsetPagination.ts).

interface Cursor {
  /** Which list and ordering the cursor belongs to; a cursor from another ordering is invalid. */
  s: string
  k: SortKey
  i: number
  /** true: the page before this position (DRF's `previous`). */
  r: boolean
}

export interface KeysetList<T extends { id: number }> {
  sorted: readonly T[]
  key: (item: T) => SortKey
  direction: 1 | -1
  scope: string
}

export interface Page<T> {
  items: T[]
  next: string | null
  previous: string | null
  /** PageNumberPagination's and LimitOffsetPagination's total; CursorPagination sends none. */
  count?: number
}

function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify(cursor)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function decodeCursor(raw: string, scope: string): Cursor {
  try {
    const value = JSON.parse(atob(raw.replace(/-/g, '+').replace(/_/g, '/'))) as Partial<Cursor>
    const keyOk = typeof value.k === 'number' || typeof value.k === 'string'
    if (value.s === scope && keyOk && Number.isSafeInteger(value.i) && typeof value.r === 'boolean') return value as Cursor
  }
  catch {
    // fall through: any undecodable cursor is DRF's 404 "Invalid cursor"
  }
  throw new HttpError(detail(404, 'Invalid cursor'))
}

/** DRF `_positive_int(strict=True, cutoff=max_page_size)`: junk or <= 0 means the default, too big is clamped. */
export function pageSizeFrom(query: URLSearchParams): number {
  const raw = query.get('page_size')
  if (raw === null || !/^\s*\+?\d+\s*$/.test(raw)) return DEFAULT_PAGE_SIZE
  const value = Number(raw)
  return value <= 0 ? DEFAULT_PAGE_SIZE : Math.min(value, MAX_PAGE_SIZE)
}

/** DRF's replace_query_param on the absolute request URL. */
function linkTo(context: DemoContext, cursor: Cursor | null): string | null {
  if (!cursor) return null
  const url = new URL(context.publicUrl)
  url.searchParams.set('cursor', encodeCursor(cursor))
  return url.toString()
}

/** One page of `list` (items passing `match`), in the pagination style of the backend's profile. */
export function paginate<T extends { id: number }>(context: DemoContext, list: KeysetList<T>, match: (item: T) => boolean = () => true): Page<T> {
  switch (context.db.profile.pagination) {
    case 'drf': return paginateDrf(context, list, match)
    case 'page-number': return paginateByPageNumber(context, list.sorted.filter(match))
    case 'limit-offset': return paginateByLimitOffset(context, list.sorted.filter(match))
    default: return paginateKeyset(context, list, match)
  }
}

function paginateKeyset<T extends { id: number }>(context: DemoContext, list: KeysetList<T>, match: (item: T) => boolean): Page<T> {
  const raw = context.query.get('cursor')
  const cursor = raw ? decodeCursor(raw, list.scope) : null
  const size = pageSizeFrom(context.query)
  const { sorted, key, direction, scope } = list
  const position = (item: T, r: boolean): Cursor => ({ s: scope, k: key(item), i: item.id, r })
  const found: T[] = []

  if (cursor?.r) {
    // Backwards from just before the cursor, then flipped into display order.
    for (let at = lowerBound(sorted, key, direction, cursor.k, cursor.i) - 1; at >= 0 && found.length <= size; at--) {
      const item = sorted[at] as T
      if (match(item)) found.push(item)
    }
    const hasMore = found.length > size
    const items = found.slice(0, size).reverse()
    const first = items[0]
    const last = items[items.length - 1]
    return {
      items,
      previous: hasMore && first ? linkTo(context, position(first, true)) : null,
      next: linkTo(context, last ? position(last, false) : { ...cursor, r: false }),
    }
  }

  const start = cursor ? upperBound(sorted, key, direction, cursor.k, cursor.i) : 0
  for (let at = start; at < sorted.length && found.length <= size; at++) {
    const item = sorted[at] as T
    if (match(item)) found.push(item)
  }
  const items = found.slice(0, size)
  const first = items[0]
  const last = items[items.length - 1]
  return {
    items,
    next: found.length > size && last ? linkTo(context, position(last, false)) : null,
    previous: cursor ? linkTo(context, first ? position(first, true) : { ...cursor, r: true }) : null,
  }
}

/** For small lists built per request (reviews, orders, wishlist): sort then paginate. */
export function sortForKeyset<T extends { id: number }>(items: T[], key: (item: T) => SortKey, direction: 1 | -1): T[] {
  return items.sort((a, b) => comparePosition(direction, key(a), a.id, key(b), b.id))
}
