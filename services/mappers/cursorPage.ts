import type { CursorPageDto } from '../dto'
import type { CursorPage } from '../domain/pagination'

/** The opaque cursor out of DRF's absolute `next`/`previous` URL (or a `next_cursor` field). */
export function cursorFromUrl(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url, 'http://relative.invalid').searchParams.get('cursor')
  }
  catch {
    return null
  }
}

export function mapCursorPage<D, T>(dto: CursorPageDto<D>, mapItem: (item: D) => T): CursorPage<T> {
  const nextCursor = dto.next_cursor ?? cursorFromUrl(dto.next)
  return {
    items: dto.results.map(mapItem),
    nextCursor: nextCursor || null,
    previousCursor: cursorFromUrl(dto.previous),
  }
}
