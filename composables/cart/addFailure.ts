import type { Ref } from 'vue'
import { isApiError } from '~/composables/core/api/ApiError'
import { useCartStore } from '~/stores/cart/cart'
import { cartErrorMessage, stockRefusal } from './cartErrorMessage'

/**
 * What the product page says when "Add to cart" failed. A stock refusal also says how many the cart can hold of the
 * line: recorded in `left` under the variant's id (0 without variants), and `quantity` lowered to what can still be
 * added, so the field says "Only N left" and the next press can work. Loaded with the cart's code, not in the page's
 * first view.
 */
export function addFailure(error: unknown, left: Ref<Record<number, number>>, variantId: number | null, quantity: Ref<number>, productId: number): string {
  if (!isApiError(error)) return 'Could not add to the cart. Please try again.'
  // None left: the sentence says sold out, and the page's own stock is kept (a reload tells the rest).
  const available = stockRefusal(error)?.available
  if (!available) return cartErrorMessage(error)
  left.value[variantId ?? 0] = available
  // The backend weighs the cart's units of this line plus the addition against the stock: lowering the field to the
  // stock alone was refused again whenever the cart already held some.
  const inCart = useCartStore().cart?.lines.find(line => line.productId === productId && line.variantId === variantId)?.quantity ?? 0
  if (inCart === 0) {
    quantity.value = Math.min(quantity.value, available)
    return cartErrorMessage(error)
  }
  const room = available - inCart
  quantity.value = Math.max(1, Math.min(quantity.value, room))
  return room > 0
    ? `Only ${available} left in stock and your cart has ${inCart}, so you can add ${room} more.`
    : `Your cart already has all ${available} in stock.`
}
