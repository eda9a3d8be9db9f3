import type { Ref } from 'vue'
import { ApiError, toApiErrorData } from '~/composables/core/api/ApiError'
import type { CartService } from '~/services/cartService'
import type { Cart, CartLine } from '~/services/domain/cart'
import { MAX_LINE_QUANTITY, MIN_LINE_QUANTITY } from '~/services/domain/cartLine'
import { toCartProblem } from '~/services/mappers/cartProblem'
import { invalidQuantity, lineGone, mayHaveLanded, unconfirmedLineEdit } from './cartFailures'
import type { CartQueue } from './cartQueue'
import { createStockChecks, withinStock } from './cartStock'
import type { CartLineProblem } from './cartView'

// Changing a line's quantity or removing it: the ask is laid over the backend's cart at once (`wanted`), sent in
// the queue (asks for one line while its request is under way are sent as one, with the latest quantity), and
// settled by the answer: kept when it agreed, clamped to the stock on a 409 that says how many are left, rolled
// back with the reason on the line otherwise. An answer lost on the way (`mayHaveLanded`) settles nothing: the
// cart read in the same turn says whether the change was made. A quantity above the stock the cart knows is never sent
// as asked (cartStock.ts). Part of the cart store (cart.ts), which owns the state.

const noop = () => {}
export const lineKey = (lineId: number) => `line:${lineId}`

/** What line edits use of the cart store. */
export interface LineEditsContext {
  service: CartService
  queue: CartQueue
  /** Line id -> the quantity asked for and not answered yet (0: being removed). */
  wanted: Ref<Record<number, number>>
  problems: Ref<Record<number, CartLineProblem>>
  acceptedChanges: Ref<number>
  lineOf: (lineId: number) => CartLine | undefined
  /** The store's epoch now: answers to requests sent in an earlier one land nowhere. */
  epoch: () => number
  authenticate: () => Promise<void>
  accept: (next: Cart, sentIn: number) => boolean
  /** Reads the cart now, in the current turn of the queue (`refresh` would queue behind the task that awaits it). */
  read: () => Promise<void>
  refresh: () => Promise<void>
}

export interface LineEdits {
  /** Asks for a line's quantity (0: removes it); resolves when the backend has it, rejects with the ApiError. */
  change: (lineId: number, quantity: number) => Promise<void>
  /**
   * Sets a line's quantity (1 to 99), checked first, and held to the line's stock: above it, the stock is sent and
   * the call rejects with the stock refusal (on the line too). An increase reads the stock first, unless just read.
   */
  setQuantity: (lineId: number, quantity: number) => Promise<void>
  /** Signed out: nothing waiting is failed any more. */
  forget: () => void
}

export function createLineEdits(context: LineEditsContext): LineEdits {
  const { service, queue, wanted, problems, acceptedChanges, lineOf, authenticate, accept, read, refresh } = context
  /** A line's waiting request to fail with this instead of being sent: an earlier one was refused. */
  const abandoned = new Map<number, ApiError>()
  const stock = createStockChecks(lineOf)

  /**
   * The backend refused a line's change: clamp to the stock on a 409 that says how many are left, roll back
   * otherwise (the line shows its confirmed quantity, the problem stays on it). True when the outcome is what was
   * asked anyway (a line to remove that is already gone).
   */
  function refused(lineId: number, target: number, failure: unknown): boolean {
    const data = toApiErrorData(failure)
    const problem = toCartProblem(data)
    const line = lineOf(lineId)
    if (problem.kind === 'line-gone' || !line) {
      Reflect.deleteProperty(wanted.value, lineId)
      void refresh().catch(noop)
      return target === 0
    }
    if (problem.kind === 'out-of-stock' && problem.available !== null && problem.available >= MIN_LINE_QUANTITY) {
      problems.value[lineId] = { error: data, wanted: target }
      // The latest ask may already be lower than the stock (a "-" while this request was under way).
      const clamped = Math.min(wanted.value[lineId] ?? target, problem.available, MAX_LINE_QUANTITY)
      if (clamped === line.quantity) {
        Reflect.deleteProperty(wanted.value, lineId)
        return false
      }
      wanted.value[lineId] = clamped
      void queue.coalesce(lineKey(lineId), () => sendLine(lineId)).catch(noop)
      return false
    }
    Reflect.deleteProperty(wanted.value, lineId)
    problems.value[lineId] = { error: data, wanted: target }
    if (failure instanceof ApiError && queue.isWaiting(lineKey(lineId))) abandoned.set(lineId, failure)
    // Sold out: the backend's answer to a read flags the line.
    if (problem.kind === 'out-of-stock') void refresh().catch(noop)
    return false
  }

  /**
   * The answer was lost: the change may have been made. Nothing is said or rolled back until the cart, read now,
   * tells which (the read is bounded by the api core's timeouts, and the queue waits for it: what comes next is
   * sent against the cart it reads). Made: the line is gone, or at the quantity asked. Not made: refused as any
   * failure, the line shows what the read says. Not read: the line is back as last known, flagged `unconfirmed`,
   * and the cart keeps its failed read (maybe out of date, read again at the next chance).
   */
  async function settleLost(lineId: number, target: number, failure: ApiError, sentIn: number): Promise<void> {
    const wasRead = await read().then(() => true, () => false)
    if (sentIn !== context.epoch()) throw failure
    if (!wasRead) {
      const unconfirmed = unconfirmedLineEdit(failure, target)
      Reflect.deleteProperty(wanted.value, lineId)
      problems.value[lineId] = { error: toApiErrorData(unconfirmed), wanted: target }
      if (queue.isWaiting(lineKey(lineId))) abandoned.set(lineId, unconfirmed)
      throw unconfirmed
    }
    const line = lineOf(lineId)
    if ((line?.quantity ?? 0) === target) {
      acceptedChanges.value++
      if (wanted.value[lineId] === target) Reflect.deleteProperty(wanted.value, lineId)
      return
    }
    if (!line) {
      Reflect.deleteProperty(wanted.value, lineId)
      throw lineGone()
    }
    if (!refused(lineId, target, failure)) throw failure
  }

  /**
   * The latest ask is an increase beyond the stock known: the cart, read now in this turn (the stock may have risen
   * since it was last read), says what the line can have. `later`: asked again meanwhile, that ask decides in its
   * own turn, with this read when no answer came since. A read that fails leaves the stock known (the cart keeps its
   * failed read, shown and read again as any).
   */
  async function checkStock(lineId: number, asked: number): Promise<{ refusal: ApiError | null, read: boolean } | 'later'> {
    stock.due.delete(lineId)
    const sentIn = context.epoch()
    const shared = stock.handedOn.delete(lineId) && stock.readSince(lineId)
    const wasRead = shared || await read().then(() => true, () => false)
    if (wasRead) stock.checked(lineId)
    if (queue.isWaiting(lineKey(lineId))) {
      if (wasRead) stock.handedOn.add(lineId)
      return 'later'
    }
    const line = lineOf(lineId)
    // Signed out, or the line went (sending says so).
    if (sentIn !== context.epoch() || wanted.value[lineId] === undefined || !line) return { refusal: null, read: wasRead }
    const { quantity, refusal } = withinStock(line, asked)
    wanted.value[lineId] = quantity
    if (refusal) problems.value[lineId] = { error: toApiErrorData(refusal), wanted: asked }
    return { refusal, read: wasRead }
  }

  /** Sends the latest quantity asked for a line (its stock read first when due). Runs in the queue. */
  async function sendLine(lineId: number): Promise<void> {
    const failure = abandoned.get(lineId)
    if (failure) {
      abandoned.delete(lineId)
      throw failure
    }
    const asked = stock.due.get(lineId)
    if (asked === undefined) return await sendLatest(lineId)
    const checked = await checkStock(lineId, asked)
    if (checked === 'later') return
    await sendLatest(lineId)
    if (!checked.refusal) return
    if (checked.read) stock.checked(lineId)
    throw checked.refusal
  }

  /** Sends the latest quantity asked for a line, when it differs from the backend's. */
  async function sendLatest(lineId: number): Promise<void> {
    const target = wanted.value[lineId]
    const line = lineOf(lineId)
    if (target === undefined) return
    if (!line || target === line.quantity) {
      Reflect.deleteProperty(wanted.value, lineId)
      if (!line && target !== 0) throw lineGone()
      return
    }
    const sentIn = context.epoch()
    try {
      await authenticate()
      const next = target === 0 ? await service.removeLine(lineId) : await service.setQuantity(lineId, target)
      if (!accept(next, sentIn)) return
      acceptedChanges.value++
      if (wanted.value[lineId] === target) Reflect.deleteProperty(wanted.value, lineId)
    }
    catch (failure) {
      if (sentIn !== context.epoch()) throw failure
      if (mayHaveLanded(failure)) return await settleLost(lineId, target, failure, sentIn)
      if (!refused(lineId, target, failure)) throw failure
    }
  }

  /** `beyondStock`: what was asked, an increase beyond the stock known (`quantity`), sent once the stock was read. */
  function change(lineId: number, quantity: number, beyondStock?: number): Promise<void> {
    wanted.value[lineId] = quantity
    Reflect.deleteProperty(problems.value, lineId)
    abandoned.delete(lineId)
    if (beyondStock !== undefined) stock.due.set(lineId, beyondStock)
    else {
      stock.due.delete(lineId)
      stock.handedOn.delete(lineId)
    }
    return queue.coalesce(lineKey(lineId), () => sendLine(lineId))
  }

  function setQuantity(lineId: number, quantity: number): Promise<void> {
    if (!Number.isInteger(quantity) || quantity < MIN_LINE_QUANTITY || quantity > MAX_LINE_QUANTITY) return Promise.reject(invalidQuantity())
    const line = lineOf(lineId)
    if (!line) return Promise.reject(lineGone())
    const { quantity: allowed, refusal } = withinStock(line, quantity)
    if (!refusal) return change(lineId, quantity)
    // A decrease goes down to the stock at once, never waiting for a read; so does an increase whose stock was just
    // read. Any other increase reads it first: it may have risen since the cart was read.
    const fresh = problems.value[lineId]?.error.status === 409 && stock.readSince(lineId)
    if (quantity > line.quantity && !fresh) return change(lineId, allowed, quantity)
    const sent = change(lineId, allowed)
    problems.value[lineId] = { error: toApiErrorData(refusal), wanted: quantity }
    return sent.then(() => {
      if (fresh) stock.checked(lineId)
      throw refusal
    })
  }

  return {
    change, setQuantity, forget: () => {
      abandoned.clear()
      stock.forget()
    },
  }
}
