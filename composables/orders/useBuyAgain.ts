import { reactive } from 'vue'
import { isApiError, toApiErrorData, type ApiErrorData } from '~/composables/core/api/ApiError'
import { startCart } from '~/composables/cart/cartRuntime'
import { useAnnouncer } from '~/composables/ui/useAnnouncer'
import { MAX_LINE_QUANTITY } from '~/services/domain/cartLine'
import type { Order, OrderLine } from '~/services/domain/order'
import { toCartProblem } from '~/services/mappers/cartProblem'
import { useCartStore } from '~/stores/cart/cart'
import { isUnconfirmed } from '~/stores/cart/cartFailures'
import { buyAgainSummary, itemNote, type BuyAgainItem, type BuyAgainState } from './buyAgainText'

export type { BuyAgainItem, BuyAgainState }

export interface BuyAgain {
  /** The order's lines in the last run, each with what became of it. */
  readonly items: readonly BuyAgainItem[]
  /** Why the last run stopped before its end (the shop not answering): the rest can be tried again. */
  readonly stopped: ApiErrorData | null
  /** What the shopper was told about the last run ('' before the first). */
  readonly summary: string
  readonly running: boolean
  /** Why a line was not added, or why fewer were, in words ('' otherwise): the report reads it from here, so its
   * chunk imports nothing of the cart's (a module shared with it would split off the cart's chunks). */
  note: (item: BuyAgainItem) => string
  /** Puts every line of the order into the cart again. A press while running joins the run under way. */
  start: (order: Order) => Promise<void>
  /** After a stop: sends the lines not added yet, after checking that a lost answer's line did not land. */
  tryRest: () => Promise<void>
}

/** A line's verdict, or a reason to stop the run here (`stop`: nothing more is sent; the line keeps `state`). */
type Outcome = { state: BuyAgainState, stop?: ApiErrorData }

const sameChoice = (a: { productId: number, variantId: number | null }, b: OrderLine) => a.productId === b.productId && a.variantId === b.variantId

/**
 * "Buy again" on an order's page: the order's lines go into the cart through the cart store's own add (one request
 * at a time, in its queue, each answer the whole cart), one line after another at the ordered quantity; a line
 * already in the cart gets the ordered quantity on top, as the backend adds up (and as Amazon's and Shopify's
 * "Buy again" do), up to the most a cart line holds. Refusals are per line (gone, sold out, fewer in stock: then
 * what is left is added). A failure that says nothing about the line (no answer, a 5xx, the shop busy) stops the
 * run: "Try the rest" reads the cart first, so a line whose answer was lost but which landed is never sent twice.
 * Loaded on the first press (the orders page's first view carries only the button).
 */
export function useBuyAgain(): BuyAgain {
  const store = useCartStore()
  const { announce } = useAnnouncer()
  startCart()
  let running: Promise<void> | null = null

  const state = reactive({
    items: [] as BuyAgainItem[],
    stopped: null as ApiErrorData | null,
    summary: '',
    running: false,
  })

  const held = (line: OrderLine) => store.cart?.lines.find(l => sameChoice(l, line))?.quantity ?? 0

  async function send(line: OrderLine, quantity: number, limit: 'stock' | 'max' | null, retried = false): Promise<Outcome> {
    const before = held(line)
    try {
      await store.add({ productId: line.productId, variantId: line.variantId, quantity }, { quiet: true })
      return { state: { kind: 'added', quantity, limit } }
    }
    catch (failure) {
      const data = toApiErrorData(failure)
      // A lost answer the cart could not rule out (it read itself again when it could): "Try the rest" reads the cart
      // first. The run says why it stopped (the lost answer), not the cart's "check your cart": the rest is safe to try.
      if (isUnconfirmed(failure)) return { state: { kind: 'unknown', before, sent: quantity, limit }, stop: toApiErrorData(isApiError(failure.cause) ? failure.cause : failure) }
      const problem = toCartProblem(data)
      const refused = (reason: Extract<BuyAgainState, { kind: 'not-added' }>['reason']): Outcome => ({ state: { kind: 'not-added', reason, inCart: before, message: problem.message } })
      if (problem.kind === 'out-of-stock') {
        // `available` is the stock, the quantity already in the cart included (both backends): what is left is added.
        const room = problem.available === null ? 0 : Math.min(problem.available - before, quantity - 1)
        return room >= 1 && !retried ? send(line, room, 'stock', true) : refused('sold-out')
      }
      if (problem.kind === 'unavailable-choice') return refused(problem.field === 'variant' ? 'option-gone' : 'gone')
      // A product the shop took away altogether: a backend that looks it up itself answers 404.
      if (data.status === 404) return refused('gone')
      if (problem.kind === 'invalid-quantity') return refused('refused')
      // Signed out, throttled, offline: nothing was added, and nothing more will be until the shopper tries again.
      return { state: { kind: 'waiting' }, stop: data }
    }
  }

  function addLine(line: OrderLine): Promise<Outcome> {
    const inCart = held(line)
    const room = MAX_LINE_QUANTITY - inCart
    if (room < 1) return Promise.resolve({ state: { kind: 'not-added', reason: 'cart-full', inCart, message: '' } })
    return room < line.quantity ? send(line, room, 'max') : send(line, line.quantity, null)
  }

  async function run(): Promise<void> {
    // Kept on screen until the run ends: "Try the rest", pressed and busy, stays where the focus is.
    let stopped: ApiErrorData | null = null
    try {
      // The cart as the backend holds it now: what a line already has, and whether a lost answer's line landed.
      await store.refresh()
    }
    catch (failure) {
      stopped = toApiErrorData(failure)
    }
    for (const item of state.items) {
      if (stopped) break
      if (item.state.kind === 'unknown') {
        const { before, sent, limit } = item.state
        item.state = held(item.line) >= before + sent ? { kind: 'added', quantity: sent, limit } : { kind: 'waiting' }
      }
      if (item.state.kind !== 'waiting') continue
      const outcome = await addLine(item.line)
      item.state = outcome.state
      stopped = outcome.stop ?? null
    }
    state.stopped = stopped
    state.summary = buyAgainSummary(state.items, stopped ? stopped.message : null, store.itemCount)
    announce(state.summary)
  }

  function once(begin: () => void): Promise<void> {
    if (running) return running
    begin()
    state.running = true
    running = run().finally(() => {
      running = null
      state.running = false
    })
    return running
  }

  return Object.assign(state, {
    note: itemNote,
    start: (order: Order) => once(() => {
      state.items = order.lines.map(line => ({ line, state: { kind: 'waiting' } }))
    }),
    tryRest: () => once(() => {}),
  })
}
