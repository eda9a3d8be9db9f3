import { ApiError, toApiErrorData } from '~/composables/core/api/ApiError'
import type { Cart, CartLine } from '~/services/domain/cart'
import { MAX_LINE_QUANTITY, MIN_LINE_QUANTITY } from '~/services/domain/cartLine'
import type { PurchaseLine } from '~/services/domain/product'
import { outOfStockMessage, toCartProblem } from '~/services/mappers/cartProblem'
import { sameChoice } from './cartView'

// The stock a line can be set to, as the cart knows it (`available` in the backend's last answer). The store holds
// every caller to it (the stepper, a typed number), so a quantity above it is never sent as asked. That stock may be
// old, and only the backend's is true: an increase beyond it reads the cart once before it is refused, so a restock
// is reachable; a decrease never waits for that read. Part of the cart store's line edits (cartLineEdits.ts).

/** What a line can hold: its stock, at most what one line holds (0: sold out). */
export function stockCap(line: Pick<CartLine, 'available'>): number {
  return Math.min(MAX_LINE_QUANTITY, Math.max(line.available, 0))
}

/**
 * The store's own stock refusal, as the backend words one (a 409 with `available`): the line and the live region
 * say the same sentence ("Only 2 left in stock, so your cart can hold at most 2."), and no "Try again" is offered.
 */
export function stockLimit(available: number): ApiError {
  return new ApiError({ status: 409, code: 'out_of_stock', message: outOfStockMessage(available), fieldErrors: {}, retryable: false, extras: { available } })
}

/**
 * An addition refused for want of stock (a 409 with `available`) says the stock of its product, or variant, now: the
 * cart's line of that choice takes it (and is out of stock when it holds more), so the stepper and every quantity
 * asked for it are held by it from then on, not by the older stock of the cart's last answer. The quantities stay
 * the backend's: nothing was added. Null when there is nothing to change (no such line, no `available`, the same).
 */
export function withRefusedStock(cart: Cart, addition: PurchaseLine, failure: unknown): Cart | null {
  const problem = toCartProblem(toApiErrorData(failure))
  if (problem.kind !== 'out-of-stock' || problem.available === null) return null
  const available = problem.available
  const line = cart.lines.find(candidate => sameChoice(candidate, addition))
  if (!line || line.available === available) return null
  return { ...cart, lines: cart.lines.map(each => (each === line ? { ...each, available, inStock: each.quantity <= available } : each)) }
}

export interface StockVerdict {
  /** The quantity to ask the backend for. */
  quantity: number
  /** Why it is not the one asked for (null: it is). */
  refusal: ApiError | null
}

/**
 * What `asked` becomes on `line` (its `quantity` is the backend's) by the stock known. Within it, or what the line
 * holds already, it stays. Above it, an increase stops at the stock and never lowers the line (one above a stock
 * that fell since keeps its quantity), and a decrease goes down to the stock. A sold-out line has no quantity to go
 * down to: a decrease goes as asked, and the backend decides (its refusal reloads the cart).
 */
export function withinStock(line: Pick<CartLine, 'available' | 'quantity'>, asked: number): StockVerdict {
  const cap = stockCap(line)
  if (asked <= cap || asked === line.quantity || (cap < MIN_LINE_QUANTITY && asked < line.quantity)) return { quantity: asked, refusal: null }
  return { quantity: asked > line.quantity ? Math.max(cap, line.quantity) : cap, refusal: stockLimit(cap) }
}

/**
 * Which lines' stock was read for an increase beyond it. A line's read holds as long as the cart's answer it was
 * read in does (every answer makes new line objects): an ask made while it was under way uses it, and while its
 * refusal is still on the line, pressing "+" again at the limit costs no request (cartLineEdits.ts). Dismissing the
 * message, or any later answer, lets the next increase read again.
 */
export function createStockChecks(lineOf: (lineId: number) => CartLine | undefined) {
  const checkedIn = new Map<number, CartLine>()
  /**
   * Line id -> its latest ask, an increase beyond the stock known: the cart is read before it is sent (the line
   * shows it held to the stock meanwhile, not a number the stock will likely refuse).
   */
  const due = new Map<number, number>()
  /** Lines whose read was made for an ask that a newer one replaced while it was under way: that one uses it. */
  const handedOn = new Set<number>()
  return {
    due,
    handedOn,
    /** The line as the cart holds it now was just read for its stock. */
    checked(lineId: number): void {
      const line = lineOf(lineId)
      if (line) checkedIn.set(lineId, line)
    },
    /** No answer came since the line's stock was last read for an increase: the stock known is that read's. */
    readSince(lineId: number): boolean {
      const line = lineOf(lineId)
      return !!line && checkedIn.get(lineId) === line
    },
    forget(): void {
      checkedIn.clear()
      due.clear()
      handedOn.clear()
    },
  }
}
