/** One page of a cursor-paginated list; cursors are opaque strings. */
export interface CursorPage<T> {
  items: T[]
  nextCursor: string | null
  /**
   * The backend's `previous`, kept as the contract gives it but not used for navigation: DRF's reverse cursor does
   * not give back the same page when ordering values tie. Lists link back through the pages they walked
   * (stores/resources/cursorList.ts) and the `from` their links carry.
   */
  previousCursor: string | null
}
