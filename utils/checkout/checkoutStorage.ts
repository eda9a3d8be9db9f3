/** Every checkout key in sessionStorage starts with this: the attempt and the form draft, per shopper. Signing out
 * removes them (stores/auth.ts does it inline, being in every first view; tests hold the two to the same prefix). */
export const CHECKOUT_STORAGE_PREFIX = 'sf-checkout-'
