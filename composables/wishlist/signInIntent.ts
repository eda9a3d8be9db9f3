import type { WishlistProduct } from './wishlistAccess'

// What a signed-out shopper meant by tapping a heart, kept across the trip to sign-in: in this tab's
// sessionStorage, never in the URL. A URL would put "this person wants that product" into server and proxy logs
// and the shared page cache's keys, would survive in history and bookmarks, and as a link it could make anyone
// who follows it add a product they never chose. sessionStorage stays on this device and in this tab, is sent
// nowhere, and ends with the tab; sign-out clears it too.
// An intent is carried out only by the sign-in it went to: the one whose way back is the page the heart was on.
// A shopper who gives up and browses on leaves it behind (the runtime drops it); someone else signing in later
// from the header of this tab must not get it.

const KEY = 'sf:wishlist:after-sign-in'
/** An intent older than this is a forgotten one: it is dropped rather than carried out. */
export const INTENT_MAX_AGE_MS = 30 * 60_000
const MAX_INTENTS = 20

export interface WishlistIntent {
  productId: number
  title: string
  /** When the heart was tapped (ms since epoch). */
  at: number
  /** The way back of the sign-in the heart went to (the page it was on): only that sign-in carries it out. */
  back: string
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  }
  catch {
    // Storage disabled by the browser: there is nowhere to keep an intent.
    return null
  }
}

function isIntent(value: unknown): value is WishlistIntent {
  const intent = value as Partial<WishlistIntent> | null
  return typeof intent === 'object' && intent !== null
    && Number.isSafeInteger(intent.productId) && (intent.productId as number) > 0
    && typeof intent.title === 'string' && intent.title.length <= 300
    && typeof intent.at === 'number' && Number.isFinite(intent.at)
    && typeof intent.back === 'string' && intent.back.startsWith('/') && intent.back.length <= 2048
}

function read(store: Storage): WishlistIntent[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isIntent) : []
  }
  catch {
    return []
  }
}

/**
 * Keeps "add this product after the sign-in that comes back to `back`"; false when it could not be kept (no way
 * back, storage off or full).
 */
export function rememberIntent(product: WishlistProduct, back: string | undefined, now = Date.now()): boolean {
  const store = storage()
  if (!store || !back) return false
  const others = read(store).filter(intent => intent.productId !== product.id)
  const next = [...others, { productId: product.id, title: product.title, at: now, back }].slice(-MAX_INTENTS)
  try {
    store.setItem(KEY, JSON.stringify(next))
    return true
  }
  catch {
    return false
  }
}

/**
 * At a sign-in that comes back to `back`: the intents that went to it and are still fresh, oldest first. Forgets
 * them all: each is carried out once, and one meant for another sign-in never will be.
 */
export function takeIntents(back: string, now = Date.now()): WishlistIntent[] {
  const store = storage()
  if (!store) return []
  const intents = read(store).filter(intent => intent.back === back && intent.at <= now && now - intent.at < INTENT_MAX_AGE_MS)
  store.removeItem(KEY)
  return intents
}

/** Sign-out: nothing a shopper meant stays behind for the next person at this computer. */
export function forgetIntents(): void {
  storage()?.removeItem(KEY)
}
