import type { SeenEntry } from '~/stores/wishlist/seenEntries'
import { noLongerAvailable } from '~/stores/catalog/productGone'

/** "<title> is no longer available and was removed from your wishlist." One sentence naming them all. */
export function wishlistGoneMessage(entries: readonly SeenEntry[]): string {
  return noLongerAvailable(entries.map(entry => entry.title), 'wishlist')
}
