import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import type { Order, OrderRequest } from '~/services/domain/order'
import { useOrderStore } from '~/stores/orders/orders'
import type { AttemptOutcome, OrderAttempt, OrderedLine } from './attempt/attemptMachine'
import { readAttempt, removeAttempt, writeAttempt } from './attempt/attemptStorage'
import type { AttemptDeps, Submission } from './attempt/runAttempt'
import { useCheckoutMonitoring } from './useCheckoutMonitoring'

export interface PlaceOrderResult {
  outcome: AttemptOutcome
  /** The order when one exists (from the answer, the lookup, or loaded by id). */
  order: Order | null
  /** The attempt needed more than one send or a lookup: an answer was lost on the way. */
  recovered: boolean
}

export interface UsePlaceOrderReturn {
  /** An order is being placed (the button is disabled the moment it is pressed). */
  placing: Ref<boolean>
  /** After a reload: looking for the order a lost answer may have made (also while it goes on looking). */
  checking: Ref<boolean>
  /** Places the order; a second call while one runs waits for the same result (a double click sends once). */
  place: (submission: { request: OrderRequest, lines: readonly OrderedLine[] }) => Promise<PlaceOrderResult>
  /**
   * On arrival: the tab's unfinished attempt that sent something looks for its order; null when there is none.
   * "confirming" (its request may still be running at the backend): it goes on looking while the page is open, and
   * hands the end to `later`.
   */
  check: (later: (result: PlaceOrderResult) => void) => Promise<PlaceOrderResult | null>
  /** The tab's current attempt (for the back button: an order it placed). */
  current: () => OrderAttempt | null
  /** Forgets the tab's placed attempt, so the same lines, address and card submitted again make a new order. */
  retirePlaced: () => void
}

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/**
 * Placing the order with one attempt per submission (composables/checkout/attempt/): the attempt lives in this
 * tab's sessionStorage under the shopper's id, so a reload, the back button or a second click continues it.
 * Client only.
 */
export function usePlaceOrder(owner: () => number | null): UsePlaceOrderReturn {
  const orders = useOrderStore()
  const monitoring = useCheckoutMonitoring()
  const placing = ref(false)
  const checking = ref(false)
  let running: Promise<PlaceOrderResult> | null = null
  let open = true
  onBeforeUnmount(() => {
    open = false
  })

  const storage = () => (import.meta.client ? sessionStorage : null)
  // The attempt's machinery loads when an order is placed or checked, not with the checkout's first view.
  const machinery = () => import('./attempt/placing')
  // ...but once the checkout is on screen, not at the click: "Place order" pressed offline must fail at once with the
  // connection message. Loaded on the click, the code would wait for the connection (server/utils/html/chunkRetry.ts)
  // and the order would be sent whenever it came back, when the shopper may have given up or ordered elsewhere.
  onMounted(() => {
    machinery().catch(() => { /* loaded again at the click */ })
  })
  const deps = async (who: number): Promise<AttemptDeps> => {
    const { findAttemptOrder, newIdempotencyKey } = await machinery()
    return {
      send: (key, request) => orders.place(request, key),
      findOrder: async attempt => findAttemptOrder(await orders.newestOrders(10), attempt),
      save: attempt => writeAttempt(storage(), who, attempt),
      wait: sleep,
      now: () => Date.now(),
      newKey: () => newIdempotencyKey(),
      watching: () => open,
    }
  }

  function baseline(): Submission['baseline'] {
    const state = orders.newestOrder()
    if (state?.status === 'success') return state.data?.id ?? null
    return 'unknown'
  }

  /** The order of a placed outcome, and monitoring told about anything worth hearing. */
  async function settle(attempt: OrderAttempt, outcome: AttemptOutcome): Promise<PlaceOrderResult> {
    const recovered = attempt.lost > 0 || attempt.busy > 0
    let order: Order | null = null
    if (outcome.kind === 'placed') {
      order = outcome.order ?? (await orders.loadOrder(outcome.orderId, { force: true })).data
      if (order) orders.remember(order)
      if (recovered) monitoring.report('recovered', { sends: attempt.sends, lost: attempt.lost })
    }
    else if (outcome.kind === 'unconfirmed') {
      monitoring.report('unconfirmed', { sends: attempt.sends, lost: attempt.lost, busy: attempt.busy })
    }
    else if (outcome.kind === 'refused' && (outcome.refusal.reason === 'key-conflict' || outcome.refusal.reason === 'server-error')) {
      monitoring.report(outcome.refusal.reason, { sends: attempt.sends, lost: attempt.lost })
    }
    return { outcome, order, recovered }
  }

  async function run(submission: { request: OrderRequest, lines: readonly OrderedLine[] }): Promise<PlaceOrderResult> {
    const who = owner()
    if (who === null) return { outcome: { kind: 'signed-out', message: 'Please sign in to place your order.' }, order: null, recovered: false }
    const { submitOrder } = await machinery()
    const result = await submitOrder(readAttempt(storage(), who), { ...submission, baseline: baseline() }, await deps(who))
    return settle(result.attempt, result.outcome)
  }

  return {
    placing,
    checking,
    place(submission) {
      if (running) return running
      placing.value = true
      running = run(submission).finally(() => {
        running = null
        placing.value = false
      })
      return running
    },
    async check(later) {
      const who = owner()
      const attempt = who === null ? null : readAttempt(storage(), who)
      if (who === null || !attempt || attempt.sends === 0 || attempt.phase === 'placed' || attempt.phase === 'refused') return null
      checking.value = true
      // A check that goes on looking keeps "Place order" busy until its end: no second send meanwhile.
      let done = true
      try {
        const { checkAttempt } = await machinery()
        const result = await checkAttempt(attempt, await deps(who), async (last) => {
          const settled = await settle(last.attempt, last.outcome)
          checking.value = false
          later(settled)
        })
        done = result.outcome.kind !== 'confirming'
        return await settle(result.attempt, result.outcome)
      }
      finally {
        if (done) checking.value = false
      }
    },
    current: () => {
      const who = owner()
      return who === null ? null : readAttempt(storage(), who)
    },
    retirePlaced: () => {
      const who = owner()
      if (who !== null && readAttempt(storage(), who)?.phase === 'placed') removeAttempt(storage(), who)
    },
  }
}
