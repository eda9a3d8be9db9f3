import type { WishlistProduct } from './wishlistAccess'

// What a signed-out shopper meant by tapping a heart, kept across the trip to sign-in: in this tab's
// sessionStorage, never in the URL. A URL would put "this person wants that product" into server and proxy logs
// and the shared page cache's keys, would survive in history and bookmarks, and as a link it could make anyone
// who follows it add a product they never chose. sessionStorage stays on this device and in this tab, is sent
// nowhere, and ends with the tab; sign-out clears it too.

const KEY = 'sf:wishlist:after-sign-in'
/** An intent older than this is a forgotten one: it is dropped rather than carried out. */
export const INTENT_MAX_AGE_MS = 30 * 60_000
const MAX_INTENTS = 20

export interface WishlistIntent {
  productId: number
  title: string
  /** When the heart was tapped (ms since epoch). */
  at: number
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

/** Keeps "add this product after signing in"; false when it could not be kept (storage off or full). */
export function rememberIntent(product: WishlistProduct, now = Date.now()): boolean {
  const store = storage()
  if (!store) return false
  const others = read(store).filter(intent => intent.productId !== product.id)
  const next = [...others, { productId: product.id, title: product.title, at: now }].slice(-MAX_INTENTS)
  try {
    store.setItem(KEY, JSON.stringify(next))
    return true
  }
  catch {
    return false
  }
}

/** The intents still fresh, oldest first, and forgets them all: each is carried out once. */
export function takeIntents(now = Date.now()): WishlistIntent[] {
  const store = storage()
  if (!store) return []
  const intents = read(store).filter(intent => intent.at <= now && now - intent.at < INTENT_MAX_AGE_MS)
  store.removeItem(KEY)
  return intents
}

/** Sign-out: nothing a shopper meant stays behind for the next person at this computer. */
export function forgetIntents(): void {
  storage()?.removeItem(KEY)
}
