import { computed, onMounted, ref, shallowRef, watch, type ComputedRef, type Ref } from 'vue'
import { cartErrorMessage } from '~/composables/cart/cartErrorMessage'
import { useCartLoader } from '~/composables/cart/useCartLoader'
import type { UseCartReturn } from '~/composables/cart/useCart'
import { toApiErrorData } from '~/composables/core/api/ApiError'
import { useAnnouncer } from '~/composables/ui/useAnnouncer'
import type { ProductVariant } from '~/services/domain/product'
import type { WishlistEntry } from '~/services/domain/wishlist'
import { useProductDetailStore } from '~/stores/catalog/productDetail'
import { useUnconfirmedMoves } from '~/stores/wishlist/unconfirmedMoves'
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
  /**
   * The cart may have it (the answer was lost and the cart could not be read): the row offers the cart, never a
   * second "Move to cart", until a read of the cart shows whether it is there.
   */
  unconfirmed: ComputedRef<boolean>
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
 * failure of the move, and never a reason to add a second unit. If the answer was lost and the cart could not
 * tell (`unconfirmed`), the move waits for the cart's next read (the cart store reads a cart whose read failed at
 * its next chance: the header, the mini-cart, the shopper back on the tab, the cart page): the product there, the
 * move is done (`moved`); not there, "Move to cart" is offered again. The wishlist keeps it meanwhile.
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
  const pending = useUnconfirmedMoves()
  const { announce } = useAnnouncer()
  const held = computed(() => pending.of(entry()))
  const handle = shallowRef<UseCartReturn | null>(null)
  let resolving = false

  /** Whether a read of the cart since shows the product held (the variant added); null while not known. */
  const verdict = computed<boolean | null>(() => {
    const move = held.value
    const known = handle.value
    // Under way or failed (`error`), the cart shown is not a read made since: nothing is decided on it.
    if (!move || !known || known.status.value !== 'success' || !known.cart.value) return null
    const { id } = entry().product
    return known.cart.value.lines.some(line => line.productId === id && (move.variantId === null || line.variantId === move.variantId))
  })

  async function follow(): Promise<UseCartReturn> {
    return (handle.value ??= await cart.load())
  }

  async function resolve(present: boolean): Promise<void> {
    if (resolving) return
    resolving = true
    const current = entry()
    try {
      // In the cart: the move is done, the wishlist lets it go as after any move (the row says so if it cannot).
      if (present) await moved(current).catch(() => false)
      else announce(`${current.product.title} is not in your cart. You can move it again.`)
    }
    finally {
      pending.settle(current)
      resolving = false
    }
  }

  watch(verdict, (present) => {
    if (present !== null) void resolve(present)
  })
  // Back on the page (after "View your cart") with a move still unconfirmed: the cart read since, or read now if
  // its last read failed, tells.
  onMounted(() => {
    if (held.value) void follow().then(known => known.ensureLoaded())
  })

  async function add(variantId: number | null): Promise<void> {
    const current = entry()
    step.value = 'adding'
    try {
      await cart.add({ productId: current.product.id, variantId, quantity: 1 })
    }
    catch (error) {
      const refusal = toApiErrorData(error)
      // `unconfirmed` (cartFailures.ts), told by its code as CartAddedNotice does: this page imports no file of the
      // cart store's own chunk. Said once already by the cart's live region: the row offers the cart, no retry.
      if (refusal.code === 'unconfirmed') {
        pending.hold(current, variantId)
        step.value = 'idle'
        await follow().catch(() => null)
        return
      }
      failure.value = cartErrorMessage(refusal)
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
    unconfirmed: computed(() => held.value !== null),
    available: computed(() => entry().product.inStock),
    async start() {
      if (step.value !== 'idle' || inCart() || held.value) return
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
      if (step.value !== 'choosing' || inCart() || held.value) return
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
