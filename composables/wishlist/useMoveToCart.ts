import { computed, ref, type ComputedRef, type Ref } from 'vue'
import { cartErrorMessage } from '~/composables/cart/cartErrorMessage'
import { useCartLoader } from '~/composables/cart/useCartLoader'
import { toApiErrorData } from '~/composables/core/api/ApiError'
import type { ProductVariant } from '~/services/domain/product'
import type { WishlistEntry } from '~/services/domain/wishlist'
import { useProductDetailStore } from '~/stores/catalog/productDetail'
import { useVariantChoice, type UseVariantChoiceReturn } from './useVariantChoice'

/** idle; loading the product's options; the shopper chooses a variant; adding to the cart. */
export type MoveStep = 'idle' | 'loading' | 'choosing' | 'adding'

export interface UseMoveToCartReturn {
  step: Ref<MoveStep>
  /** The variant choice while choosing (a product with more than one variant). */
  choice: UseVariantChoiceReturn
  /** Whether the variant choice is open (choosing, or adding what was chosen). */
  picking: ComputedRef<boolean>
  /** Why the last attempt failed, for the row; null otherwise. */
  failure: Ref<string | null>
  /** Whether the product can be added at all (in stock). */
  available: ComputedRef<boolean>
  /** "Move to cart": adds at once, or asks for a variant first when the product has several. */
  start: () => Promise<void>
  /** Adds the chosen variant. */
  confirm: () => Promise<void>
  /** Closes the variant choice. */
  cancel: () => void
}

/**
 * "Move to cart" for one wishlist entry: the cart gets the product (one unit), then the wishlist lets it go.
 * A product whose summary says it has variants (or does not say: `has_variants` is optional) has its details
 * read on the first click (kept by the product store), and the shopper chooses when there is more than one.
 * If the cart refuses, the product stays in the wishlist and the row says why. If the cart took it and the
 * wishlist kept it, that is `moved`'s to tell (the page keeps it across the row leaving and coming back): not a
 * failure of the move, and never a reason to add a second unit.
 */
export function useMoveToCart(
  entry: () => WishlistEntry,
  moved: (entry: WishlistEntry) => Promise<unknown>,
  /** Whether the cart has it already (an earlier move the wishlist did not complete): nothing is added again. */
  inCart: () => boolean = () => false,
): UseMoveToCartReturn {
  const details = useProductDetailStore()
  const cart = useCartLoader()
  const step = ref<MoveStep>('idle')
  const failure = ref<string | null>(null)
  const variants = ref<ProductVariant[]>([])
  const choice = useVariantChoice(variants)

  async function add(variantId: number | null): Promise<void> {
    const current = entry()
    step.value = 'adding'
    try {
      await cart.add({ productId: current.product.id, variantId, quantity: 1 })
    }
    catch (error) {
      failure.value = cartErrorMessage(toApiErrorData(error))
      step.value = variants.value.length > 1 ? 'choosing' : 'idle'
      return
    }
    await moved(current).catch(() => false)
    step.value = 'idle'
  }

  return {
    step,
    choice,
    picking: computed(() => variants.value.length > 1 && (step.value === 'choosing' || step.value === 'adding')),
    failure,
    available: computed(() => entry().product.inStock),
    async start() {
      if (step.value !== 'idle' || inCart()) return
      failure.value = null
      // The summary says there is nothing to choose: straight into the cart.
      if (entry().product.hasVariants === false) return add(null)
      step.value = 'loading'
      const loaded = await details.fetchDetail(entry().product.id)
      if (!loaded.data) {
        failure.value = loaded.error?.status === 404 ? 'This product is no longer available.' : (loaded.error?.message ?? 'Please try again.')
        step.value = 'idle'
        return
      }
      variants.value = loaded.data.variants
      if (variants.value.length > 1) step.value = 'choosing'
      else await add(variants.value[0]?.id ?? null)
    },
    async confirm() {
      const chosen = choice.variant.value
      if (step.value !== 'choosing' || inCart()) return
      if (!chosen) {
        failure.value = `Choose ${choice.missing.value.join(' and ')} first.`
        return
      }
      failure.value = null
      await add(chosen.id)
    },
    cancel() {
      failure.value = null
      step.value = 'idle'
    },
  }
}
