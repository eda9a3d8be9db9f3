/** Every checkout key in sessionStorage starts with this: the attempt and the form draft, per shopper. */
export const CHECKOUT_STORAGE_PREFIX = 'sf-checkout-'

/** Signing out: every checkout key of this tab goes (attempts and drafts of whoever was signed in). */
export function forgetCheckout(storage: Pick<Storage, 'key' | 'length' | 'removeItem'> | null): void {
  try {
    for (let i = storage?.length ?? 0; i-- > 0;) {
      const key = storage?.key(i)
      if (key?.startsWith(CHECKOUT_STORAGE_PREFIX)) storage?.removeItem(key)
    }
  }
  catch { /* storage blocked: nothing was kept */ }
}
