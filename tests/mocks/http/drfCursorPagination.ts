import { lowerBound, upperBound } from '../db/orderings'
import type { SortKey } from '../db/orderings'
import type { DemoContext } from './context'
import type { KeysetList, Page } from './pagination'
import { pageSizeFrom } from './pagination'
import { HttpError, detail } from './responses'

// Django REST Framework 3.14's CursorPagination (rest_framework/pagination.py), step for step: a cursor is
// base64("o=<offset>&r=<reverse>&p=<position>") where the position is str() of the FIRST ordering field only and
// the offset counts items of equal position to skip. The queryset is ordered by (field, id), like a backend that
// makes its ordering total. Consequences the storefront must live with: walking `next` is complete and stable;
// inside a run of equal values longer than a page, `previous` answers a different set of items than the page
// you came from; and with DRF's default offset_cutoff of 1000 a run longer than that cannot be walked past (the
// offset is clamped and `next` keeps answering the same page).

/** DRF's default `offset_cutoff`. */
export const DRF_OFFSET_CUTOFF = 1000
/**
 * The demo's: the seeded catalog has runs longer than 1000 (over 1,300 products rated 5.0 in 10,000), so a DRF
 * backend serving it has to raise `offset_cutoff` (a class attribute) - as this one does - or order by fields
 * that are nearly unique.
 */
export const DEMO_OFFSET_CUTOFF = 1_000_000

interface DrfCursor {
  offset: number
  reverse: boolean
  position: string | null
}

function invalidCursor(): HttpError {
  return new HttpError(detail(404, 'Invalid cursor'))
}

/** Python's int(): optional sign and surrounding whitespace. */
function pythonInt(raw: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw invalidCursor()
  return Number(raw)
}

export function decodeDrfCursor(raw: string, offsetCutoff = DRF_OFFSET_CUTOFF): DrfCursor {
  let tokens: URLSearchParams
  try {
    tokens = new URLSearchParams(atob(raw))
  }
  catch {
    throw invalidCursor()
  }
  // _positive_int(offset, cutoff=offset_cutoff): negative is invalid, too large is clamped.
  const offset = pythonInt(tokens.get('o') ?? '0')
  if (offset < 0) throw invalidCursor()
  return {
    offset: Math.min(offset, offsetCutoff),
    reverse: pythonInt(tokens.get('r') ?? '0') !== 0,
    position: tokens.get('p'),
  }
}

export function encodeDrfCursor(cursor: DrfCursor): string {
  const tokens = new URLSearchParams()
  if (cursor.offset !== 0) tokens.set('o', String(cursor.offset))
  if (cursor.reverse) tokens.set('r', '1')
  if (cursor.position !== null) tokens.set('p', cursor.position)
  return btoa(tokens.toString())
}

/** A position string back to a sort key; a number that does not parse is an invalid cursor (Django would 500). */
function keyParser<T>(list: KeysetList<T & { id: number }>): (position: string) => SortKey {
  const sample = list.sorted[0]
  const numeric = sample === undefined || typeof list.key(sample) === 'number'
  return (position) => {
    if (!numeric) return position
    const value = Number(position)
    if (position.trim() === '' || !Number.isFinite(value)) throw invalidCursor()
    return value
  }
}

export function paginateDrf<T extends { id: number }>(context: DemoContext, list: KeysetList<T>, match: (item: T) => boolean): Page<T> {
  const raw = context.query.get('cursor')
  const cursor = raw === null ? null : decodeDrfCursor(raw, DEMO_OFFSET_CUTOFF)
  const size = pageSizeFrom(context.query)
  const { sorted, key, direction } = list
  const positionOf = (item: T) => String(key(item))
  const { offset, reverse, position: currentPosition } = cursor ?? { offset: 0, reverse: false, position: null }

  // queryset.filter(field__gt/lt=position).order_by(ordering or its reverse)[offset:offset + size + 1]
  const results: T[] = []
  let skipped = 0
  const take = (item: T): boolean => {
    if (!match(item)) return true
    if (skipped < offset) skipped++
    else results.push(item)
    return results.length <= size
  }
  const at = currentPosition === null ? null : keyParser(list)(currentPosition)
  if (!reverse) {
    // Strictly after the position in this ordering: past every item with an equal key.
    const start = at === null ? 0 : upperBound(sorted, key, direction, at, direction * Infinity)
    for (let i = start; i < sorted.length && take(sorted[i] as T); i++);
  }
  else {
    const end = at === null ? sorted.length : lowerBound(sorted, key, direction, at, -direction * Infinity)
    for (let i = end - 1; i >= 0 && take(sorted[i] as T); i--);
  }

  let page = results.slice(0, size)
  const following = results.length > page.length ? positionOf(results[size] as T) : null
  let hasNext: boolean
  let hasPrevious: boolean
  let nextPosition: string | null = null
  let previousPosition: string | null = null
  if (reverse) {
    page = page.reverse()
    hasNext = currentPosition !== null || offset > 0
    hasPrevious = following !== null
    if (hasNext) nextPosition = currentPosition
    if (hasPrevious) previousPosition = following
  }
  else {
    hasNext = following !== null
    hasPrevious = currentPosition !== null || offset > 0
    if (hasNext) nextPosition = following
    if (hasPrevious) previousPosition = currentPosition
  }

  const link = (c: DrfCursor): string => {
    const url = new URL(context.publicUrl)
    url.searchParams.set('cursor', encodeDrfCursor(c))
    return url.toString()
  }

  function nextLink(): string | null {
    if (!hasNext) return null
    // Reversing direction with an offset cursor: the first position found cannot be the marker.
    let compare = page.length && cursor?.reverse && cursor.offset !== 0 ? positionOf(page[page.length - 1] as T) : nextPosition
    let nextOffset = 0
    let position: string | null = null
    let unique = false
    for (let i = page.length - 1; i >= 0; i--) {
      const candidate = positionOf(page[i] as T)
      if (candidate !== compare) {
        unique = true
        position = candidate
        break
      }
      compare = candidate
      nextOffset++
    }
    if (page.length && !unique) {
      // No unique position on the page: DRF's three fallbacks, the middle one a "paging artifact".
      if (!hasPrevious) {
        nextOffset = size
        position = null
      }
      else if (cursor?.reverse) {
        nextOffset = 0
        position = previousPosition
      }
      else {
        nextOffset = (cursor?.offset ?? 0) + size
        position = previousPosition
      }
    }
    if (!page.length) position = nextPosition
    return link({ offset: nextOffset, reverse: false, position })
  }

  function previousLink(): string | null {
    if (!hasPrevious) return null
    let compare = page.length && cursor && !cursor.reverse && cursor.offset !== 0 ? positionOf(page[0] as T) : previousPosition
    let previousOffset = 0
    let position: string | null = null
    let unique = false
    for (const item of page) {
      const candidate = positionOf(item)
      if (candidate !== compare) {
        unique = true
        position = candidate
        break
      }
      compare = candidate
      previousOffset++
    }
    if (page.length && !unique) {
      if (!hasNext) {
        previousOffset = size
        position = null
      }
      else if (cursor?.reverse) {
        previousOffset = cursor.offset + size
        position = nextPosition
      }
      else {
        // "The change in direction will introduce a paging artifact, where we end up skipping back a few extra items."
        previousOffset = 0
        position = nextPosition
      }
    }
    if (!page.length) position = previousPosition
    return link({ offset: previousOffset, reverse: true, position })
  }

  return { items: page, next: nextLink(), previous: previousLink() }
}
