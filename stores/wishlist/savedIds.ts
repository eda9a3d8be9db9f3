import type { WishlistEntry } from '~/services/domain/wishlist'
import { WISHLIST_MAX_PAGE_SIZE, type WishlistService } from '~/services/wishlistService'

/** The wishlisted product ids as the backend last answered them: what hearts and the header count read. */
export interface SavedIds {
  /** Newest first, each once. */
  ids: number[]
  /** False while pages are still to be read (a backend without /wishlist/ids/). */
  complete: boolean
  /** Where the rest starts when not complete. */
  nextCursor: string | null
  /**
   * When they were asked for, on the store's own clock (0: not asked by this store). What is newer wins: an answer
   * to our own change, a page of the /wishlist list, or these ids.
   */
  askedAt: number
}

/** Whether this backend has the optional GET /wishlist/ids/: unknown until it was asked once. */
export type IdsEndpoint = 'unknown' | 'present' | 'absent'

export interface ReadIdsResult {
  saved: Omit<SavedIds, 'askedAt'>
  endpoint: IdsEndpoint
  /** Entries the fallback read on the way (with their product summaries). */
  entries: WishlistEntry[]
}

/**
 * One request: GET /wishlist/ids/ when the backend has it (every id), else the first page of the list at the
 * largest page size (every id for a wishlist of up to 100, the first 100 otherwise; `readMoreIds` reads the rest).
 */
export async function readIds(service: WishlistService, endpoint: IdsEndpoint, signal: AbortSignal): Promise<ReadIdsResult> {
  if (endpoint !== 'absent') {
    const all = await service.ids({ signal })
    if (all) return { saved: { ids: all.productIds, complete: true, nextCursor: null }, endpoint: 'present', entries: [] }
  }
  const page = await service.list({ pageSize: WISHLIST_MAX_PAGE_SIZE, signal })
  return {
    saved: { ids: page.items.map(entry => entry.product.id), complete: page.nextCursor === null, nextCursor: page.nextCursor },
    endpoint: 'absent',
    entries: page.items,
  }
}

/** The next page of ids after `saved` (the fallback), appended in place. */
export async function readMoreIds(service: WishlistService, saved: SavedIds, signal: AbortSignal): Promise<WishlistEntry[]> {
  if (saved.complete || saved.nextCursor === null) return []
  const page = await service.list({ cursor: saved.nextCursor, pageSize: WISHLIST_MAX_PAGE_SIZE, signal })
  if (signal.aborted) return []
  const seen = new Set(saved.ids)
  for (const entry of page.items) {
    if (!seen.has(entry.product.id)) saved.ids.push(entry.product.id)
  }
  // A backend handing back the cursor it was given would loop forever: that ends the walk.
  const next = page.nextCursor !== saved.nextCursor ? page.nextCursor : null
  saved.nextCursor = next
  saved.complete = next === null
  return page.items
}
