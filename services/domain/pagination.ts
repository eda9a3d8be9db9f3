/** One page of a cursor-paginated list; cursors are opaque strings. */
export interface CursorPage<T> {
  items: T[]
  nextCursor: string | null
  previousCursor: string | null
}
