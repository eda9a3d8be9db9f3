import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { Cart, CartLine } from '~/services/domain/cart'
import type { Money } from '~/services/domain/money'
import type { PurchaseLine } from '~/services/domain/product'
import { previousPriceOf, type SeenPrices } from './seenPrices'

// The screen may run ahead of the backend: what the shopper asked for is laid over the backend's last cart
// (vercel/commerce's optimistic overlay), and dropped as answers arrive. Only quantities and the count run ahead;
// money never does: a line's total and the subtotal stay the backend's until it answers (vercel/commerce#1364:
// totals recomputed in the browser were wrong for taxed items).

/** What became of the last addition: the notice after "Add to cart" shows it. */
export interface AdditionOutcome {
  /** Increases with every addition, so a notice can tell a new outcome from one it showed. */
  seq: number
  request: PurchaseLine
  /** The line it landed on; null when it failed. */
  lineId: number | null
  error: ApiErrorData | null
}

/** An addition on its way to the backend. */
export interface PendingAddition extends PurchaseLine {
  /** This browser's number for it (not a line id). */
  id: number
}

/** A change to a line the backend refused; the line shows its confirmed quantity again. */
export interface CartLineProblem {
  /** Why (status, `available` on a 409): `cartErrorMessage` turns it into a sentence. */
  error: ApiErrorData
  /** The quantity the shopper asked for, to offer trying it again. */
  wanted: number
}

/** A cart line as the shopper sees it. */
export interface CartLineView extends CartLine {
  /** The quantity on screen: the one asked for while a change is on its way, else the backend's. */
  quantity: number
  /** The quantity the backend holds; `lineTotal` is for this one. */
  confirmedQuantity: number
  /** A change to this line is on its way: its total will change when the backend answers. */
  pending: boolean
  /** The unit price this browser showed when the line arrived, when today's `unitPrice` differs from it. */
  previousUnitPrice: Money | null
  /** The last change the backend refused for this line. */
  problem: CartLineProblem | null
}

export interface Overlay {
  /** Line id -> the quantity asked for (0: being removed). */
  wanted: Readonly<Record<number, number>>
  additions: readonly PendingAddition[]
}

/** The line holds the product and variant this purchase names. */
export function sameChoice(line: Pick<CartLine, 'productId' | 'variantId'>, addition: PurchaseLine): boolean {
  return line.productId === addition.productId && line.variantId === (addition.variantId ?? null)
}

/** The line an addition went to: the backend adds to a line of the same product (and variant, when one was named). */
export function landedOn(cart: Cart, request: PurchaseLine): CartLine | undefined {
  return cart.lines.find(l => l.productId === request.productId && (request.variantId == null || l.variantId === request.variantId))
}

/** Units of pending additions that land on an existing line (the backend adds to the same product and variant). */
function addedTo(line: CartLine, additions: readonly PendingAddition[]): number {
  return additions.reduce((sum, addition) => (sameChoice(line, addition) ? sum + addition.quantity : sum), 0)
}

function shownQuantity(line: CartLine, overlay: Overlay): number {
  return (overlay.wanted[line.id] ?? line.quantity) + addedTo(line, overlay.additions)
}

export function lineViews(cart: Cart, overlay: Overlay, prices: SeenPrices, problems: Readonly<Record<number, CartLineProblem>>): CartLineView[] {
  return cart.lines
    .filter(line => overlay.wanted[line.id] !== 0)
    .map(line => ({
      ...line,
      quantity: shownQuantity(line, overlay),
      confirmedQuantity: line.quantity,
      pending: overlay.wanted[line.id] !== undefined || addedTo(line, overlay.additions) > 0,
      previousUnitPrice: previousPriceOf(prices, line),
      problem: problems[line.id] ?? null,
    }))
}

/** The backend's count, plus what is on its way: settles on the backend's own count once nothing is. */
export function itemCountView(cart: Pick<Cart, 'lines' | 'itemCount'> | null, overlay: Overlay): number | null {
  const adding = overlay.additions.reduce((sum, addition) => sum + addition.quantity, 0)
  if (!cart) return null
  let count = cart.itemCount + adding
  for (const line of cart.lines) {
    const wanted = overlay.wanted[line.id]
    if (wanted !== undefined) count += wanted - line.quantity
  }
  return count
}
