import { ref, shallowRef, type Ref } from 'vue'
import { isApiError } from '~/composables/core/api/ApiError'
import { useNotify } from '~/composables/ui/useNotify'
import { useCartLoader } from './useCartLoader'

export interface UseCartQuickAddReturn {
  /** An addition from this card is on its way. */
  adding: Ref<boolean>
  /** Adds one unit of a product bought without choosing options. */
  add: (productId: number) => Promise<void>
}

/**
 * A product card's quick add. A grid holds thousands of cards, so each gets only a ref and two functions: the
 * cart's code loads on the first click, and the cart announces and shows the outcome (useCart, the header's
 * notice). Only a cart that cannot load at all is left to explain here.
 */
export function useCartQuickAdd(): UseCartQuickAddReturn {
  // A server render only writes the button (nothing is being added): no cart loader and notifier per card.
  if (import.meta.server) return { adding: shallowRef(false), add: noServerAdd }
  const cart = useCartLoader()
  const notify = useNotify()
  const adding = ref(false)
  return {
    adding,
    async add(productId) {
      if (adding.value) return
      adding.value = true
      try {
        await cart.add({ productId, variantId: null, quantity: 1 })
      }
      catch (failure) {
        if (!isApiError(failure)) notify.error('Could not add to the cart. Please try again.')
      }
      finally {
        adding.value = false
      }
    },
  }
}

async function noServerAdd(): Promise<void> {}
