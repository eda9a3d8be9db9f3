import type { SavedIds } from './savedIds'

// Whether a product is in the wishlist, as the wishlist store reads it. Three sources say so: the ids, the pages of
// the /wishlist list, and the backend's answers to our own changes (or another tab's). Each is stamped on one clock
// of the store (a read when it was asked for, an answer when it came) and the newest one wins; over all of them,
// the shopper's choice the backend has not confirmed yet.

/** The backend's answer to a change (ours, or another tab's), and when it came on the store's clock. */
export interface SettledAnswer {
  saved: boolean
  at: number
}

/** What the store knows of the signed-in shopper's wishlist (its reactive state, read as it is now). */
export interface WishlistSources {
  /** The ids as last read; null or undefined before. */
  ids: SavedIds | null | undefined
  /** The same ids, to look up. */
  idSet: ReadonlySet<number>
  /** The shopper's choice per product that the backend has not confirmed yet. */
  choices: Readonly<Record<number, boolean>>
  /** The backend's answers to our own changes (and other tabs'). */
  settled: Readonly<Record<number, SettledAnswer>>
  /** When the list page that had each entry was asked for; 0 (older than anything read here): the server's render. */
  entryAskedAt: Readonly<Record<number, number>>
}

/** What the ids say of a product; undefined when they do not tell (not read yet, or not every page read). */
function idsSay(sources: WishlistSources, productId: number): boolean | undefined {
  const data = sources.ids
  if (!data) return undefined
  if (sources.idSet.has(productId)) return true
  return data.complete ? false : undefined
}

/** What the backend has for a product as far as we know: our own answer if newer than the ids, else the ids. */
export function backendState(sources: WishlistSources, productId: number): boolean | undefined {
  const own = sources.settled[productId]
  if (own && own.at > (sources.ids?.askedAt ?? 0)) return own.saved
  return idsSay(sources, productId)
}

/** What the heart shows: the shopper's last choice, else the backend's state (unknown: not saved). */
export function isSaved(sources: WishlistSources, productId: number): boolean {
  return sources.choices[productId] ?? backendState(sources, productId) ?? false
}

/**
 * Whether an entry of the /wishlist list is still in the wishlist: the shopper's choice, else the newest of the
 * list page that had it, ids asked for after that page, and our own answer after both.
 */
export function isListed(sources: WishlistSources, productId: number): boolean {
  const choice = sources.choices[productId]
  if (choice !== undefined) return choice
  let listed = true
  let at = sources.entryAskedAt[productId] ?? 0
  const idsAt = sources.ids?.askedAt ?? 0
  const said = idsSay(sources, productId)
  if (said !== undefined && idsAt > at) {
    listed = said
    at = idsAt
  }
  const own = sources.settled[productId]
  return own && own.at > at ? own.saved : listed
}

/** Products in the wishlist as the screen shows them; null until every id is known. */
export function savedCount(sources: WishlistSources): number | null {
  if (!sources.ids?.complete) return null
  let total = sources.idSet.size
  for (const key of new Set([...Object.keys(sources.settled), ...Object.keys(sources.choices)])) {
    const id = Number(key)
    total += Number(isSaved(sources, id)) - Number(sources.idSet.has(id))
  }
  return total
}
