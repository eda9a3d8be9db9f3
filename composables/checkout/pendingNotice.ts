/**
 * What the order page hears when the order was found although the first answer to placing it was lost. Here, not in
 * useCheckout: it is said only on the way to the order, and this chunk keeps the sentence out of the first view.
 */
export const RECOVERED_NOTICE = 'Your order went through: we found it although the first answer was lost.'

/**
 * That notice, owed to an order, kept in the tab while leaving the checkout goes back through its history
 * (checkoutHistory.ts): a first entry whose document is gone (a tab the browser discarded and restored) is loaded
 * again, and a notice said before would be lost with the page that said it; the checkout in the loaded document
 * says it as it goes on to the order. Once, and only for that order; the order's path, nothing about the shopper.
 * Under the checkout's storage prefix (CHECKOUT_STORAGE_PREFIX: signing out removes it), spelled here because this
 * chunk imports nothing of the app's (a test holds the two to the same prefix).
 */
export const PENDING_NOTICE_KEY = 'sf-checkout-notice'

export function keepNotice(order: string): void {
  try {
    sessionStorage.setItem(PENDING_NOTICE_KEY, order)
  }
  catch { /* storage blocked: said only if the page stays */ }
}

/** Whether the notice is owed to `order`; read once (removed as it is read). */
export function takeNotice(order: string): boolean {
  try {
    const owed = sessionStorage.getItem(PENDING_NOTICE_KEY)
    if (owed !== null) sessionStorage.removeItem(PENDING_NOTICE_KEY)
    return owed === order
  }
  catch {
    return false
  }
}
