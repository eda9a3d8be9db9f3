import type { Router } from 'vue-router'
import type { UseCartReturn } from '~/composables/cart/useCart'
import { CART_PATH } from '~/utils/routes/paths'
import type { Refusal } from './attempt/attemptMachine'
import type { CheckoutDraft } from './checkoutDraft'
import type { CheckoutStep } from './checkoutSteps'
import type { UsePaymentStepReturn } from './payment/usePaymentStep'
import { addressInputId, type UseAddressFormReturn } from './useAddressForm'
import { SHIPPING_METHODS_ID } from './useShippingChoice'
import type { UseShippingMethodsReturn } from './useShippingMethods'

/** What of the checkout a refused order sends the shopper back to. */
export interface RefusalContext {
  draft: CheckoutDraft
  address: UseAddressFormReturn
  shipping: UseShippingMethodsReturn
  payment: UsePaymentStepReturn
  cart: UseCartReturn | null
  router: Router
  goTo: (step: CheckoutStep) => Promise<void>
  focusSoon: (id: string) => void
  refuseShipping: (message: string) => void
  say: (tone: 'error', message: string) => void
  notifyError: (message: string) => void
  /** The checkout is being left (for the cart): its steps stop drawing. */
  leave: () => void
}

/**
 * A refused order, taken back to where it can be put right: the payment step for a decline, the cart for stock, the
 * field or step the backend named, else a sentence at review. Only a refusal needs this, so it is loaded then: the
 * checkout's first view has no bytes for it.
 */
export async function settleRefusal(refusal: Refusal, c: RefusalContext): Promise<void> {
  if (refusal.reason === 'declined') {
    c.payment.refuse(refusal.message)
    return c.goTo('payment')
  }
  if (refusal.reason === 'out-of-stock') {
    // The cart's lines now say what is available (available / inStock): the cart page flags them.
    await c.cart?.refresh().catch(() => {})
    c.notifyError(refusal.message)
    c.leave()
    await c.router.push(CART_PATH)
    return
  }
  if (refusal.reason === 'invalid') {
    const field = c.address.showServerErrors(refusal.fieldErrors)
    if (field) {
      c.draft.confirmed.address = false
      await c.goTo('address')
      return c.focusSoon(addressInputId(field))
    }
    if (refusal.fieldErrors.shipping_method_id) {
      c.refuseShipping(refusal.fieldErrors.shipping_method_id.join(' '))
      // The shop may have stopped offering it while the shopper checked out: the kept list would offer it again.
      await c.shipping.retry().catch(() => {})
      await c.goTo('shipping')
      return c.focusSoon(SHIPPING_METHODS_ID)
    }
    if (refusal.fieldErrors.payment_token) {
      c.payment.refuse(refusal.fieldErrors.payment_token.join(' '))
      return c.goTo('payment')
    }
  }
  if (refusal.reason === 'rejected') await c.cart?.refresh().catch(() => {})
  c.say('error', refusal.message)
}
