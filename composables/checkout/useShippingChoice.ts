import { computed, onMounted, ref, watch, type ComputedRef, type Ref } from 'vue'
import type { ShippingMethod } from '~/services/domain/shipping'
import type { CheckoutDraft } from './checkoutDraft'
import type { UseShippingMethodsReturn } from './useShippingMethods'

/** The shipping step's list of methods: where its message sends the focus. */
export const SHIPPING_METHODS_ID = 'checkout-shipping-methods'

export interface UseShippingChoiceReturn {
  /** The draft's method if the shop still offers it. */
  chosenMethod: ComputedRef<ShippingMethod | null>
  /** The shipping step's message. */
  error: Ref<string | null>
  chooseDefault: () => void
  /** False, with the step's message, when no method on offer is chosen. */
  validate: () => boolean
  /** The backend refused the chosen method: the step is opened again with its message. */
  refuse: (message: string) => void
}

/** The draft's shipping method: its default, a kept choice the shop dropped, and the step's message. */
export function useShippingChoice(draft: CheckoutDraft, shipping: UseShippingMethodsReturn): UseShippingChoiceReturn {
  const chosenMethod = computed(() => shipping.methods.value.find(m => m.id === draft.shippingMethodId) ?? null)
  const error = ref<string | null>(null)

  /**
   * The first method the backend lists (its cheapest delivery) is chosen until the shopper picks one. A kept choice
   * the shop no longer offers is dropped, not replaced: review would show no shipping and no total, and the order
   * would be refused. The shopper chooses again, told why (a message already there, the backend's, stays).
   */
  function chooseDefault(): void {
    const first = shipping.methods.value[0]
    if (!first || chosenMethod.value) return
    if (draft.shippingMethodId === null) {
      draft.shippingMethodId = first.id
      return
    }
    draft.shippingMethodId = null
    draft.confirmed.shipping = false
    error.value ??= 'The shipping method you chose is no longer offered. Choose another one.'
  }

  function validate(): boolean {
    if (!chosenMethod.value) {
      error.value = 'Choose a shipping method.'
      return false
    }
    error.value = null
    return true
  }

  function refuse(message: string): void {
    draft.confirmed.shipping = false
    error.value = message
  }

  // Registered before the checkout's own onMounted (which loads): the same order as when they lived there.
  onMounted(() => {
    // After a client navigation the methods load alongside the cart and may arrive after the page is ready.
    watch(shipping.methods, chooseDefault)
    // A message about the choice goes once a method on offer is chosen (not when the list is read again).
    watch(() => draft.shippingMethodId, () => {
      if (chosenMethod.value) error.value = null
    })
  })

  return { chosenMethod, error, chooseDefault, validate, refuse }
}
