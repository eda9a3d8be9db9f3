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

/** The longest cursor we pass on. DRF's are base64 of an offset, a direction and one ordering value: far shorter. */
export const MAX_CURSOR_LENGTH = 1_024

// Base64 (standard or URL-safe), the few characters an opaque token may reasonably carry, and `&` of a
// LimitOffsetPagination page (`limit=24&offset=24`, services/mappers/cursorPage.ts); never spaces, quotes, angle
// brackets or controls.
const CURSOR = /^[\w+/=.~:&-]+$/

/** Whether a cursor from a URL can be one the backend handed out; any other is refused before it is sent. */
export function isWellFormedCursor(cursor: string): boolean {
  return cursor.length <= MAX_CURSOR_LENGTH && CURSOR.test(cursor)
}
