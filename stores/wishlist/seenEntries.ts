import { readLocalRecord, writeLocalRecord } from '~/utils/storage/localRecord'

// A product the shop stops selling leaves the wishlist without a trace (its entry goes with it, CASCADE): the next
// ids, list and count simply lack it, as they lack a product removed on another device. To tell the shopper, this
// browser remembers the products of the wishlist it showed, by the name it showed them under, and when a complete
// read lacks one, asks the catalog (./goneEntries.ts). In localStorage, shared by the tabs: a removal made in
// another tab has already left it when this tab hears of it, and a product deleted while the shopper was away is
// noticed on their next visit. Pruned by every complete read and by every removal made here; wiped at sign-out.
// Each entry names its shopper: another shopper's (a sign-out this browser did not see) is never compared.

export const SEEN_ENTRIES_KEY = 'sf-wishlist-seen'

/** A wishlist entry as this browser showed it. */
export interface SeenEntry {
  productId: number
  title: string
}

/** Product id -> the name this browser showed it under, for one shopper. */
export type SeenTitles = Record<number, string>

interface Stored {
  owner: number
  title: string
}

function isStored(value: unknown): value is Stored {
  if (typeof value !== 'object' || value === null) return false
  const { owner, title } = value as Record<string, unknown>
  return Number.isSafeInteger(owner) && typeof title === 'string'
}

/** What this browser showed of `owner`'s wishlist; null when storage cannot be read (the page keeps its own copy). */
export function readSeen(owner: number): SeenTitles | null {
  const stored = readLocalRecord(SEEN_ENTRIES_KEY, isStored)
  if (!stored) return null
  const titles: SeenTitles = {}
  for (const [id, entry] of Object.entries(stored)) {
    if (entry.owner === owner && /^\d+$/.test(id)) titles[Number(id)] = entry.title
  }
  return titles
}

/** Replaces the memory with `owner`'s `titles` (anyone else's goes). */
export function writeSeen(owner: number, titles: SeenTitles): void {
  writeLocalRecord(SEEN_ENTRIES_KEY, Object.fromEntries(Object.entries(titles).map(([id, title]) => [id, { owner, title }])))
}

/** Signed out: nothing of the shopper's wishlist stays in this browser. */
export function forgetSeen(): void {
  writeLocalRecord(SEEN_ENTRIES_KEY, {})
}

/**
 * After a complete read of the wishlist (every id): what stays remembered, and what vanished - seen before, absent
 * from the read, and not changed here or in another tab since the read was asked for (`changedSince`: the read
 * says nothing certain of those, so they are neither compared nor forgotten).
 */
export function afterCompleteRead(seen: SeenTitles, read: ReadonlySet<number>, changedSince: (productId: number) => boolean): { kept: SeenTitles, vanished: SeenEntry[] } {
  const kept: SeenTitles = {}
  const vanished: SeenEntry[] = []
  for (const [key, title] of Object.entries(seen)) {
    const productId = Number(key)
    if (read.has(productId) || changedSince(productId)) kept[productId] = title
    else vanished.push({ productId, title })
  }
  return { kept, vanished }
}
