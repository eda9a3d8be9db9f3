import { defineStore } from 'pinia'
import { computed, getCurrentScope, ref } from 'vue'
import { ApiError, toApiErrorData } from '~/composables/core/api/ApiError'
import { useApi } from '~/composables/core/useApi'
import { useApiSession } from '~/composables/core/useApiSession'
import { cartService } from '~/services/cartService'
import type { Cart, CartLine } from '~/services/domain/cart'
import { MAX_LINE_QUANTITY, MIN_LINE_QUANTITY } from '~/services/domain/cartLine'
import type { PurchaseLine } from '~/services/domain/product'
import { useAuthStore } from '~/stores/auth'
import { createKeyedResource, type ResourceStatus } from '~/stores/resources/keyedResource'
import { hasCartMarker } from '~/utils/cart/marker'
import { createCartQueue } from './cartQueue'
import { createLineEdits, lineKey } from './cartLineEdits'
import { withRefusedStock } from './cartStock'
import { noLongerSold, readSnapshot, seenLineKey, snapshotOf, vanishedLines, writeSnapshot, type CartSnapshot, type SeenLine } from './goneLines'
import { cartMadeElsewhere, creationTurn, noCartAfterOtherPages } from './cartCreation'
import { browserOffline, invalidQuantity, isUnconfirmed, lostAdditionOutcome, mayHaveLanded } from './cartFailures'
import { itemCountView, landedOn, lineViews, sameChoice, type AdditionOutcome, type CartLineProblem, type CartLineView, type PendingAddition } from './cartView'
import { readSeenPrices, rememberPrices, seenPriceKey, writeSeenPrices, type SeenPrices } from './seenPrices'

const KEY = 'current'
const EMPTY: Pick<Cart, 'lines' | 'itemCount'> = { lines: [], itemCount: 0 }
const noop = () => {}

/**
 * The shopper's cart. The backend is the truth: every answer replaces the cart (`resource.set`), and lines,
 * totals and counts are only ever the backend's. On top of it, what the shopper asked for and the backend has not
 * answered yet (quantities, additions) is shown at once and dropped when the answer comes: kept when it agreed,
 * rolled back (with the reason kept on the line) when it refused. Requests go one at a time (cartQueue.ts);
 * changes to one line while its request is under way are sent as one request with the latest quantity.
 * A 409 on a quantity clamps the line to what is in stock (cartLineEdits.ts). Client only: nothing here runs during SSR, so a
 * shared cached page never carries a cart.
 */
export const useCartStore = defineStore('cart', () => {
  const api = useApi()
  const service = cartService(api)
  const session = useApiSession()
  const auth = useAuthStore()
  const resource = createKeyedResource<Cart>({ ttlMs: Number.POSITIVE_INFINITY })

  /** Line id -> the quantity asked for and not answered yet (0: being removed). */
  const wanted = ref<Record<number, number>>({})
  const additions = ref<PendingAddition[]>([])
  const problems = ref<Record<number, CartLineProblem>>({})
  /** This browser has no cart and we know it without asking (a guest without the marker; just signed out). */
  const knownEmpty = ref(false)
  /** Requests queued or under way. */
  const pendingRequests = ref(0)
  /** Changes the backend accepted so far: other tabs are told when a burst of them settles. */
  const acceptedChanges = ref(0)
  const prices = ref<SeenPrices>({})
  const lastAddition = ref<AdditionOutcome | null>(null)
  /** The line removed last, for "Undo". */
  const lastRemoved = ref<CartLine | null>(null)
  /** Lines that went because the shop stopped selling their product, until the shopper dismisses the notice. */
  const gone = ref<SeenLine[]>([])

  // Bookkeeping of this store instance (one per Nuxt app), not state.
  const queue = createCartQueue((size) => { pendingRequests.value = size })
  const reported = new WeakSet<object>()
  let nextAdditionId = 1
  let additionSeq = 0
  /** Bumped by reset(): answers to requests sent before it land nowhere. */
  let epoch = 0
  let runtimeStarted = false
  /** Keys (goneLines.ts) of lines the shopper removed or ordered here, until an answer lacks them: not "no longer available". */
  const removedHere = new Set<string>()
  /** This page's last cart, compared with when storage cannot be read. */
  let lastSeen: CartSnapshot = {}
  const scope = getCurrentScope()

  const cart = computed<Cart | null>(() => resource.get(KEY)?.data ?? null)
  const overlay = computed(() => ({ wanted: wanted.value, additions: additions.value }))
  const lines = computed<CartLineView[]>(() => (cart.value ? lineViews(cart.value, overlay.value, prices.value, problems.value) : []))
  const itemCount = computed(() => itemCountView(cart.value ?? (knownEmpty.value ? EMPTY : null), overlay.value))
  const status = computed<ResourceStatus>(() => (cart.value === null && knownEmpty.value ? 'success' : resource.get(KEY)?.status ?? 'idle'))
  const error = computed(() => resource.get(KEY)?.error ?? null)
  const updating = computed(() => pendingRequests.value > 0)
  /** The last read failed: the cart held (if any) may be out of date (the cart page says so), and is read again at the next chance. */
  const readFailed = () => resource.get(KEY)?.status === 'error'

  /**
   * A signed-in shopper's cart follows their access token, and after a page load the browser has none yet: the
   * api core fetches one only on a 401, and the cart never answers 401 - without a token it answers the (empty)
   * guest cart. So before a cart call, a signed-in shopper without a token gets one first. A refused refresh
   * signs the shopper out (the auth plugin hears it); the call then goes as a guest's, which is what they are.
   */
  async function authenticate(): Promise<void> {
    if (!auth.isSignedIn || session.getAccessToken() || session.getStatus() === 'signed_out') return
    await session.refresh().catch(noop)
  }

  function lineOf(lineId: number): CartLine | undefined {
    return cart.value?.lines.find(line => line.id === lineId)
  }

  const edits = createLineEdits({
    service, queue, wanted, problems, acceptedChanges, lineOf, epoch: () => epoch, authenticate, accept, read: () => fetchCart(), refresh,
  })

  /** After any answer: what it means for the overlay, the problems and the remembered prices. */
  function settle(next: Cart): void {
    knownEmpty.value = false
    const ids = new Set(next.lines.map(line => line.id))
    for (const id of Object.keys(problems.value).map(Number)) if (!ids.has(id)) Reflect.deleteProperty(problems.value, id)
    for (const id of Object.keys(wanted.value).map(Number)) {
      if (!ids.has(id) && !queue.isWaiting(lineKey(id))) Reflect.deleteProperty(wanted.value, id)
    }
    // Storage first: another tab may have remembered lines this one has not seen yet.
    prices.value = rememberPrices({ ...prices.value, ...readSeenPrices() }, next)
    writeSeenPrices(prices.value)
    noticeGone(next)
  }

  /** Lines this browser saw that the answer lacks: said when the shop no longer sells them (goneLines.ts). */
  function noticeGone(next: Cart): void {
    const previous = readSnapshot() ?? lastSeen
    lastSeen = snapshotOf(next)
    writeSnapshot(lastSeen)
    // A merge still pending: the guest's lines are kept at the backend, not in this answer yet.
    const vanished = next.mergePending ? [] : vanishedLines(previous, lastSeen, removedHere)
    for (const key of removedHere) if (!lastSeen[key]) removedHere.delete(key)
    if (vanished.length === 0) return
    const sentIn = epoch
    void noLongerSold(vanished, async id => (await import('~/services/productService')).productService(api).get(id)).then((lines) => {
      const known = new Set(gone.value.map(seenLineKey))
      if (sentIn === epoch) gone.value = [...gone.value, ...lines.filter(line => !known.has(seenLineKey(line)))]
    })
  }

  function accept(next: Cart, sentIn: number): boolean {
    if (sentIn !== epoch) return false
    resource.set(KEY, next)
    settle(next)
    return true
  }

  async function fetchCart(): Promise<void> {
    const sentIn = epoch
    await authenticate()
    const entry = await resource.load(KEY, signal => service.get({ signal }), { force: true })
    if (sentIn !== epoch) return
    if (entry.status === 'error' && entry.error) throw new ApiError(entry.error)
    if (entry.data) settle(entry.data)
  }

  /** Loads the cart again, after everything already asked for. */
  function refresh(): Promise<void> {
    return queue.coalesce('refresh', fetchCart)
  }

  /**
   * Browser, after hydration: the cart for the badge, once. A guest without the marker has no cart: no request
   * (once no other page of this browser is making one).
   * A signed-in shopper's cart may have changed on another device: always asked. Failures stay in `error`, and a
   * cart whose last read failed (maybe out of date, e.g. after an addition whose answer was lost) is asked again.
   */
  async function ensureLoaded(): Promise<void> {
    if (import.meta.server || knownEmpty.value || (cart.value && !readFailed())) return
    // The page just left (or another tab) may have a guest's first addition on its way: its cart is shown once made.
    if (!cart.value && !auth.isSignedIn && auth.status !== 'unknown' && !hasCartMarker() && await noCartAfterOtherPages()) {
      knownEmpty.value = true
      return
    }
    await queue.coalesce('ensure', async () => {
      if (!cart.value || readFailed()) await fetchCart()
    }).catch(noop)
  }

  /**
   * A guest's page that found no cart, told nothing since: another page of this browser may have made one and left
   * before its answer (a full page load; its addition is kept alive), so no tab heard of it. The marker says so:
   * load that cart (one request, and only then). A cart whose last read failed (maybe out of date) is read again.
   */
  function catchUp(): void {
    if (readFailed()) return void refresh().catch(noop)
    if (!knownEmpty.value || !hasCartMarker()) return
    knownEmpty.value = false
    void refresh().catch(noop)
  }

  /** An addition refused for want of stock: its line in the cart is held to the stock the refusal said. */
  function takeRefusedStock(request: PurchaseLine, failure: unknown): void {
    const next = cart.value && withRefusedStock(cart.value, request, failure)
    if (next) resource.set(KEY, next)
  }

  function dropAddition(id: number): void {
    additions.value = additions.value.filter(addition => addition.id !== id)
  }

  /**
   * Adds to the cart; resolves with the backend's cart, rejects with the ApiError: nothing added, or (code
   * `unconfirmed`, cartFailures.ts) an answer lost and the cart unable to tell, so it may have been. `quiet`: the
   * caller tells the shopper itself (buy again: one outcome for a whole order), so the "added" notice stays away.
   */
  async function add(request: PurchaseLine, { quiet = false } = {}): Promise<Cart> {
    const seq = ++additionSeq
    try {
      if (!Number.isInteger(request.quantity) || request.quantity < MIN_LINE_QUANTITY || request.quantity > MAX_LINE_QUANTITY) throw invalidQuantity()
      const addition: PendingAddition = { id: nextAdditionId++, productId: request.productId, variantId: request.variantId ?? null, quantity: request.quantity }
      additions.value = [...additions.value, addition]
      const sentIn = epoch
      const answer = await queue.run(async () => {
        // Found empty here, but another page made the cart since (or is making it): not empty, contents unknown, so
        // the count waits for the answer rather than saying "1", and a lost answer is not judged against nothing.
        if (knownEmpty.value && cartMadeElsewhere()) knownEmpty.value = false
        // What the cart held of it before sending (null: not known), to tell whether a lost answer's addition was made.
        let had = cart.value ? landedOn(cart.value, request)?.quantity ?? 0 : knownEmpty.value ? 0 : null
        // A guest's addition that may make the cart: one at a time per browser (cartCreation.ts).
        const turn = await creationTurn(!auth.isSignedIn)
        // Another page made the cart meanwhile: what it holds of this product is not known here.
        if (turn.madeElsewhere) had = null
        let offline = false
        try {
          await authenticate()
          offline = browserOffline()
          // Sent, it lands even if the page is left: the claim stays for the next page (cartCreation.ts).
          const next = await service.addLine({ productId: request.productId, variantId: request.variantId, quantity: request.quantity }, { onSent: turn.sent })
          if (accept(next, sentIn)) acceptedChanges.value++
          return next
        }
        catch (failure) {
          // Refused for want of stock: the refusal's stock is the cart line's from now on (cartStock.ts).
          if (sentIn === epoch) takeRefusedStock(request, failure)
          // A POST is never sent twice, but a lost answer (no answer, a gateway's 5xx) may hide an addition that was
          // made: "Try again" would then add it twice. The backend's cart says which it was. Sent offline, it never left.
          if (sentIn !== epoch || offline || !mayHaveLanded(failure)) throw failure
          const read = await fetchCart().then(() => true, () => false)
          // Not read either: the cart keeps its failed read (maybe out of date: the cart page says so) and is read
          // again at the next chance (ensureLoaded, catchUp); an empty cart is no longer known to be empty.
          if (!read) knownEmpty.value = false
          const outcome = lostAdditionOutcome(failure, read ? cart.value : undefined, had, request)
          if (outcome instanceof ApiError) throw outcome
          return outcome
        }
        finally {
          // In the same turn as the answer, so the count never shows the addition twice.
          dropAddition(addition.id)
          turn.release()
        }
      })
      if (!quiet) lastAddition.value = { seq, request, lineId: landedOn(answer, request)?.id ?? null, error: null }
      // Added again from elsewhere: "Undo" on the cart page would add it once more.
      if (lastRemoved.value && sameChoice(lastRemoved.value, request)) lastRemoved.value = null
      return answer
    }
    catch (failure) {
      if (!quiet) lastAddition.value = { seq, request, lineId: null, error: toApiErrorData(failure) }
      throw failure
    }
  }

  /** Sets a line's quantity (1 to 99): on screen at once, at the backend in turn. Rejects with the ApiError. */
  function setQuantity(lineId: number, quantity: number): Promise<void> {
    return edits.setQuantity(lineId, quantity)
  }

  /**
   * Removes a line: gone from the screen at once, back with its problem if the backend refuses. A lost answer is
   * settled by reading the cart first (cartLineEdits.ts); rejects with code `unconfirmed` when that read failed too.
   */
  function remove(lineId: number): Promise<void> {
    const line = lineOf(lineId)
    if (!line) return Promise.resolve()
    lastRemoved.value = line
    removedHere.add(seenLineKey(line))
    return edits.change(lineId, 0).catch((failure: unknown) => {
      // The line is back with its problem: there is nothing to undo, and "Undo" would add it a second time (or,
      // unconfirmed, once more than the backend holds). Maybe removed here: not looked up as a product gone.
      if (lastRemoved.value === line) lastRemoved.value = null
      if (!isUnconfirmed(failure)) removedHere.delete(seenLineKey(line))
      throw failure
    })
  }

  /**
   * Puts the line removed last back (the backend gives it a new id). Once: a second press adds nothing. Quiet: the
   * cart page says "… is back in your cart" (or why not, by its Undo); the "added" notice, with a link to the page
   * the shopper is on, covered the summary at 320 px and was heard on top of it.
   */
  async function undoRemove(): Promise<void> {
    const line = lastRemoved.value
    if (!line) return
    lastRemoved.value = null
    try {
      await add({ productId: line.productId, variantId: line.variantId, quantity: line.quantity }, { quiet: true })
    }
    catch (failure) {
      // Not put back: "Undo" stays on offer, unless something was removed since, or it may have been put back
      // (a lost answer the cart could not tell): a second "Undo" would add it twice.
      if (!isUnconfirmed(failure)) lastRemoved.value ??= line
      throw failure
    }
  }

  /** An order placed here took these lines: the answer that lacks them is not about products gone (nothing looked up). */
  function orderPlaced(taken: ReadonlyArray<Pick<CartLine, 'productId' | 'variantId'>>): void {
    for (const line of taken) removedHere.add(seenLineKey(line))
  }

  /** The shopper has read that some lines are no longer available. */
  function dismissGone(): void {
    gone.value = []
  }

  function dismissProblem(lineId: number): void {
    Reflect.deleteProperty(problems.value, lineId)
  }

  /** The shopper has seen the new price: stop showing the line as changed. */
  function acceptPriceChange(lineId: number): void {
    const line = lineOf(lineId)
    if (!line) return
    prices.value = { ...prices.value, [seenPriceKey(line)]: { ...line.unitPrice } }
    writeSeenPrices(prices.value)
  }

  /** Signed out (here or in another tab): this browser's cart is gone. Answers still on their way land nowhere. */
  function reset(): void {
    epoch++
    resource.forget(KEY)
    wanted.value = {}
    additions.value = []
    problems.value = {}
    lastAddition.value = null
    lastRemoved.value = null
    edits.forget()
    knownEmpty.value = true
    prices.value = {}
    writeSeenPrices({})
    gone.value = []
    removedHere.clear()
    lastSeen = {}
    writeSnapshot({})
  }

  /** True the first time an error is handed to this: several callers sharing one refusal tell the shopper once. */
  function firstReport(failure: unknown): boolean {
    if (typeof failure !== 'object' || failure === null || reported.has(failure)) return false
    reported.add(failure)
    return true
  }

  /**
   * Runs `wire` (the browser side: tab sync, sign-in and sign-out) the first time only, inside this store's effect
   * scope: its watchers and listeners live as long as the store, and go with it ($dispose, a test's fresh stores).
   */
  function startRuntime(wire: () => void): void {
    if (runtimeStarted) return
    runtimeStarted = true
    if (scope) scope.run(wire)
    else wire()
  }

  return {
    entries: resource.entries, wanted, additions, problems, knownEmpty, pendingRequests, acceptedChanges, prices, lastAddition, lastRemoved, gone,
    cart, lines, itemCount, status, error, updating,
    ensureLoaded, catchUp, refresh, add, setQuantity, remove, undoRemove, dismissProblem, dismissGone, orderPlaced, acceptPriceChange, reset, firstReport, startRuntime,
  }
})
