import { ApiError } from '~/composables/core/api/ApiError'
import type { ProductDetail } from '~/services/domain/product'

// A product the shop stops selling (deleted; in most shops `on_delete=CASCADE`, as in tests/drf-real) leaves no
// trace in a cart or a wishlist: it is simply absent from the next answer, as a product removed on another device
// is. The catalog tells the two apart. Shared by the cart (stores/cart/goneLines.ts) and the wishlist
// (stores/wishlist/goneEntries.ts), each with its own memory of what the shopper saw.

/**
 * What the catalog says of a product the shopper saw: its details while it is sold, 'gone' when `GET /products/{id}/`
 * is a 404, null when it gave no clear answer (a failure, the network): the quieter outcome, nothing is said.
 */
export async function catalogVerdict(productId: number, product: (id: number) => Promise<ProductDetail>): Promise<ProductDetail | 'gone' | null> {
  try {
    return await product(productId)
  }
  catch (failure) {
    return failure instanceof ApiError && failure.status === 404 ? 'gone' : null
  }
}

/**
 * "<name> is no longer available and was removed from your cart." Several: one sentence naming them all. The wording
 * the cart and the wishlist share (composables/cart/cartGoneMessage.ts, composables/wishlist/wishlistGoneMessage.ts);
 * kept beside the verdict so it travels in the chunk both already load, not one more chunk in every page's map.
 */
export function noLongerAvailable(names: readonly string[], from: 'cart' | 'wishlist'): string {
  const last = names.at(-1) ?? ''
  const named = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${last}` : last
  return names.length > 1
    ? `${named} are no longer available and were removed from your ${from}.`
    : `${named} is no longer available and was removed from your ${from}.`
}
