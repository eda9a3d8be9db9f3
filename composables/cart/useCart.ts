import { computed, type ComputedRef } from 'vue'
import { toApiErrorData, type ApiErrorData } from '~/composables/core/api/ApiError'
import { useAnnouncer } from '~/composables/ui/useAnnouncer'
import type { Cart, CartLine } from '~/services/domain/cart'
import type { PurchaseLine } from '~/services/domain/product'
import { useCartStore } from '~/stores/cart/cart'
import { isUnconfirmed } from '~/stores/cart/cartFailures'
import type { AdditionOutcome, CartLineProblem, CartLineView } from '~/stores/cart/cartView'
import type { SeenLine } from '~/stores/cart/goneLines'
import type { ResourceStatus } from '~/stores/resources/keyedResource'
import { lineName } from '~/utils/format/lineName'
import { cartErrorMessage } from './cartErrorMessage'

export type { AdditionOutcome, CartLineProblem, CartLineView, SeenLine }

export interface UseCartReturn {
  /** The cart as the backend last answered it: lines, totals and counts are the truth. Null until one arrived. */
  cart: ComputedRef<Cart | null>
  /** The lines as the shopper sees them: quantities asked for shown at once, lines being removed left out. */
  lines: ComputedRef<CartLineView[]>
  /** A line the backend cannot supply in its quantity: no way to checkout until it is changed. */
  unavailable: ComputedRef<boolean>
  /** Units in the cart, additions and changes on their way included (the badge); null = not known yet. */
  itemCount: ComputedRef<number | null>
  /** Of loading the cart (idle until `ensureLoaded`/`refresh`; success at once for a browser known to have none). */
  status: ComputedRef<ResourceStatus>
  /** Why the last load failed; the cart shown meanwhile is the last one that arrived. */
  error: ComputedRef<ApiErrorData | null>
  /** A change is on its way: money shown is the backend's last answer and will update. */
  updating: ComputedRef<boolean>
  /** The last "Add to cart" and what became of it (the notice shows it). */
  lastAddition: ComputedRef<AdditionOutcome | null>
  /** The line removed last, while it can be put back. */
  lastRemoved: ComputedRef<CartLine | null>
  /** Lines that went because the shop no longer sells their product (as last seen here), until dismissed. */
  gone: ComputedRef<SeenLine[]>
  /**
   * Adds a product; resolves once the backend agreed, rejects with the ApiError after rolling back (code `unconfirmed`:
   * a lost answer the cart could not rule out, said as "check your cart", never "not added"). Announced either way.
   */
  add: (line: PurchaseLine) => Promise<void>
  /**
   * Sets a line's quantity (1..99). Fast repeats are coalesced; resolves when the backend has it, rejects with the
   * ApiError (code `unconfirmed`: a lost answer the cart could not check). A lost answer is said once the cart was read.
   */
  setQuantity: (lineId: number, quantity: number) => Promise<void>
  /**
   * Removes a line (see `lastRemoved` / `undoRemove`). A lost answer is said once the cart was read: removed, not
   * removed, or (code `unconfirmed`, the read failed too) not confirmed.
   */
  remove: (lineId: number) => Promise<void>
  /** Puts the line removed last back. */
  undoRemove: () => Promise<void>
  /** Loads the cart again from the backend (after an order emptied it, a 409 at checkout, another tab). Rejects with the ApiError. */
  refresh: () => Promise<void>
  /** After hydration: loads the cart once if there may be one (the `sf_cart` marker, or signed in); never during SSR. */
  ensureLoaded: () => Promise<void>
  /** The shopper has seen a line's new price: stop flagging it. */
  acceptPriceChange: (lineId: number) => void
  /** Hides the message of a refused change on a line. */
  dismissProblem: (lineId: number) => void
  /** Hides the notice of lines no longer available. */
  dismissGone: () => void
  /** An order placed here took these lines (before `refresh`): they are not looked up as products gone. */
  orderPlaced: (lines: ReadonlyArray<Pick<CartLine, 'productId' | 'variantId'>>) => void
}

function plural(count: number): string {
  return `${count} item${count === 1 ? '' : 's'}`
}

function failureText(failure: unknown): string {
  return cartErrorMessage(toApiErrorData(failure))
}

/**
 * The cart for components: the store's state as read-only refs, and verbs that tell screen readers what
 * happened (through the app's one polite live region). Client-side machinery: pages import it directly; the
 * first view of other pages reaches it through useCartLoader, after hydration.
 */
export function useCart(): UseCartReturn {
  const store = useCartStore()
  const { announce } = useAnnouncer()
  const titleOf = (lineId: number) => store.cart?.lines.find(line => line.id === lineId)?.title ?? 'Item'

  function announceFailure(failure: unknown, prefix: string): void {
    if (store.firstReport(failure)) announce(`${prefix}${failureText(failure)}`)
  }

  return {
    cart: computed(() => store.cart),
    lines: computed(() => store.lines),
    unavailable: computed(() => store.lines.some(line => !line.inStock)),
    itemCount: computed(() => store.itemCount),
    status: computed(() => store.status),
    error: computed(() => store.error),
    updating: computed(() => store.updating),
    lastAddition: computed(() => store.lastAddition),
    lastRemoved: computed(() => store.lastRemoved),
    gone: computed(() => store.gone),

    async add(line) {
      try {
        const cart = await store.add(line)
        // By its options too: "Added Urban Tee (White / M)" tells which of the sizes went in.
        const added = cart.lines.find(l => l.productId === line.productId && (line.variantId == null || l.variantId === line.variantId))
        const what = added ? `${line.quantity > 1 ? `${line.quantity} × ` : ''}${lineName(added)}` : plural(line.quantity)
        announce(`Added ${what} to your cart. Your cart has ${plural(store.itemCount ?? cart.itemCount)}.`)
      }
      catch (failure) {
        // A lost answer the cart could not rule out says so itself: never "Not added".
        announceFailure(failure, isUnconfirmed(failure) ? '' : 'Not added to your cart. ')
        throw failure
      }
    },

    async setQuantity(lineId, quantity) {
      const title = titleOf(lineId)
      try {
        await store.setQuantity(lineId, quantity)
        // Ten fast clicks resolve ten calls; only the one the backend settled on is worth saying.
        const line = store.lines.find(l => l.id === lineId)
        if (line && !line.pending && line.confirmedQuantity === quantity) announce(`${title}: quantity ${quantity}.`)
      }
      catch (failure) {
        announceFailure(failure, `${title}: `)
        throw failure
      }
    },

    async remove(lineId) {
      const title = titleOf(lineId)
      try {
        await store.remove(lineId)
        announce(`Removed ${title} from your cart.`)
      }
      catch (failure) {
        // A lost answer the cart could not check: it may be gone, so never "was not removed".
        if (isUnconfirmed(failure)) {
          if (store.firstReport(failure)) announce(`We could not confirm ${title} was removed.`)
        }
        else announceFailure(failure, `${title} was not removed. `)
        throw failure
      }
    },

    async undoRemove() {
      const line = store.lastRemoved
      try {
        await store.undoRemove()
        if (line) announce(`${line.title} is back in your cart.`)
      }
      catch (failure) {
        announceFailure(failure, isUnconfirmed(failure) ? '' : 'Could not put it back. ')
        throw failure
      }
    },

    refresh: () => store.refresh(),
    ensureLoaded: () => store.ensureLoaded(),
    acceptPriceChange: lineId => store.acceptPriceChange(lineId),
    dismissProblem: lineId => store.dismissProblem(lineId),
    dismissGone: () => store.dismissGone(),
    orderPlaced: lines => store.orderPlaced(lines),
  }
}
