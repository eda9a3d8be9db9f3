// Other tabs of this browser learn that the cart changed, and refetch it themselves: the message carries no cart,
// no token, nothing about the shopper. BroadcastChannel where there is one; otherwise a localStorage write, whose
// `storage` event reaches every other tab of the origin (the value changes every time, so every write is one).

export type CartTabMessage = 'changed' | 'reset'

const CHANNEL = 'sf-cart'
const STORAGE_KEY = 'sf-cart-sync'

export interface CartTabs {
  /** Tells the other tabs; never this one. */
  post: (message: CartTabMessage) => void
  close: () => void
}

function isMessage(value: unknown): value is CartTabMessage {
  return value === 'changed' || value === 'reset'
}

export function connectCartTabs(onMessage: (message: CartTabMessage) => void): CartTabs {
  if (typeof window === 'undefined') return { post: () => {}, close: () => {} }
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(CHANNEL)
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (isMessage(event.data)) onMessage(event.data)
    }
    return { post: message => channel.postMessage(message), close: () => channel.close() }
  }
  let sent = 0
  const listener = (event: StorageEvent) => {
    const message = event.key === STORAGE_KEY ? event.newValue?.split(':')[0] : undefined
    if (isMessage(message)) onMessage(message)
  }
  window.addEventListener('storage', listener)
  return {
    post(message) {
      try {
        window.localStorage.setItem(STORAGE_KEY, `${message}:${Date.now()}:${++sent}`)
      }
      catch {
        // Storage disabled: other tabs catch up on their next load.
      }
    },
    close: () => window.removeEventListener('storage', listener),
  }
}
