import { computed, ref, type ComputedRef } from 'vue'
import type { ApiClient } from '~/composables/core/api/types'
import type { WishlistEntry } from '~/services/domain/wishlist'
import { afterCompleteRead, forgetSeen, readSeen, writeSeen, type SeenEntry, type SeenTitles } from './seenEntries'

// The wishlist store's watch for products the shop stopped selling (docs/wishlist.md): what this browser showed is
// remembered (./seenEntries.ts), a complete read that lacks one asks the catalog (./goneEntries.ts, loaded then),
// and a 404 is said by the name shown. Browser only: on the server nothing is remembered or compared.

export interface GoneWatchOptions {
  api: ApiClient
  /** The signed-in shopper's id; null signed out. */
  owner: () => number | null
  /** Whether the product shows as in the wishlist now. */
  isListed: (productId: number) => boolean
  /** Changed here or in another tab since a read asked for at `askedAt`: that read says nothing certain of it. */
  changedSince: (productId: number, askedAt: number) => boolean
  /** Aborted when the shopper signs out: a lookup on its way says nothing then. */
  signal: () => AbortSignal
}

export interface GoneWatch {
  /** Products the shop stopped selling that left the wishlist, until dismissed. Not state: never in the SSR payload. */
  entries: ComputedRef<SeenEntry[]>
  /** Entries shown (a list page, an addition's answer, the ids fallback's pages), by the name shown. */
  remember: (entries: readonly WishlistEntry[]) => void
  /** Removed here or in another tab: that product left because the shopper chose so, not because it is gone. */
  forgetShown: (productId: number) => void
  /** A complete read (every id, asked for at `askedAt`): compared with what was shown; the memory keeps what it has. */
  compareRead: (ids: readonly number[], askedAt: number) => void
  dismiss: () => void
  /** Signed out: nothing of the shopper's wishlist stays in this browser. */
  clear: () => void
}

export function createGoneWatch(options: GoneWatchOptions): GoneWatch {
  const gone = ref<SeenEntry[]>([])
  /** What this browser showed, when storage cannot be read: this page's own copy. */
  let seenHere: SeenTitles = {}

  const seen = (who: number): SeenTitles => readSeen(who) ?? seenHere
  function keepSeen(who: number, titles: SeenTitles): void {
    seenHere = titles
    writeSeen(who, titles)
  }

  function remember(entries: readonly WishlistEntry[]): void {
    const who = options.owner()
    if (import.meta.server || who === null) return
    const shown = entries.filter(entry => options.isListed(entry.product.id))
    if (shown.length) keepSeen(who, { ...seen(who), ...Object.fromEntries(shown.map(entry => [entry.product.id, entry.product.title])) })
  }

  function forgetShown(productId: number): void {
    const who = options.owner()
    if (import.meta.server || who === null) return
    const titles = { ...seen(who) }
    if (!(productId in titles)) return
    Reflect.deleteProperty(titles, productId)
    keepSeen(who, titles)
  }

  function compareRead(ids: readonly number[], askedAt: number): void {
    const who = options.owner()
    if (import.meta.server || who === null) return
    const { kept, vanished } = afterCompleteRead(seen(who), new Set(ids), id => options.changedSince(id, askedAt))
    keepSeen(who, kept)
    if (vanished.length) void lookUp(vanished)
  }

  /** Said only of a 404 from the catalog; anything else stays quiet, and is not asked again. */
  async function lookUp(vanished: readonly SeenEntry[]): Promise<void> {
    const signal = options.signal()
    try {
      const found = await (await import('./goneEntries')).noLongerSold(vanished, options.api, signal)
      if (signal.aborted) return
      const known = new Set(gone.value.map(entry => entry.productId))
      gone.value = [...gone.value, ...found.filter(entry => !known.has(entry.productId))]
    }
    catch {
      // Its code could not be loaded (offline, a new deploy): nothing certain, so nothing is said.
    }
  }

  return {
    entries: computed(() => gone.value),
    remember,
    forgetShown,
    compareRead,
    dismiss: () => {
      gone.value = []
    },
    clear: () => {
      gone.value = []
      seenHere = {}
      forgetSeen()
    },
  }
}
