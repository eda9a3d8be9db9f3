// Tabs of one browser tell each other about the wishlist (BroadcastChannel: same origin, this browser only; the
// messages carry ids, never a token). Without BroadcastChannel every tab simply goes on alone.

const CHANNEL = 'storefront:wishlist'

export type WishlistTabMessage =
  /** The shopper signed out in that tab: their wishlist must not stay on screen in this one. */
  | { type: 'signed-out' }
  /** The backend agreed to a change made in that tab. */
  | { type: 'changed', owner: number, productId: number, saved: boolean }

export interface WishlistTabs {
  post: (message: WishlistTabMessage) => void
  close: () => void
}

function isMessage(value: unknown): value is WishlistTabMessage {
  const message = value as Partial<Record<string, unknown>> | null
  if (typeof message !== 'object' || message === null) return false
  if (message.type === 'signed-out') return true
  return message.type === 'changed' && Number.isSafeInteger(message.owner) && Number.isSafeInteger(message.productId) && typeof message.saved === 'boolean'
}

export function openWishlistTabs(onMessage: (message: WishlistTabMessage) => void): WishlistTabs {
  if (typeof BroadcastChannel === 'undefined') return { post: () => {}, close: () => {} }
  const channel = new BroadcastChannel(CHANNEL)
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isMessage(event.data)) onMessage(event.data)
  }
  return { post: message => channel.postMessage(message), close: () => channel.close() }
}
