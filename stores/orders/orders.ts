import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { useApi } from '~/composables/core/useApi'
import type { Order, OrderRequest, PlaceOrderAnswer } from '~/services/domain/order'
import { orderService } from '~/services/orderService'
import { browserService } from '~/stores/resources/browserService'
import { useAuthStore } from '~/stores/auth'
import { createCursorList } from '~/stores/resources/cursorList'
import { createKeyedResource, type ResourceState } from '~/stores/resources/keyedResource'

export const ORDERS_PAGE_SIZE = 10
export const ORDERS_TTL_MS = 60_000
/** The history has one list; a filter (by status) would be a second key. */
export type OrderHistoryFilter = Record<string, never>
const NEWEST = 'newest'

/**
 * The signed-in shopper's orders: orders by id, the history (newest first, cursor pages), one resource per order
 * opened by id, and the newest order (the checkout prefills its address from it, and an attempt whose answer was
 * lost compares against it). Personal: everything is dropped when the shopper changes or signs out.
 */
export const useOrderStore = defineStore('orders', () => {
  const api = useApi()
  const service = import.meta.client ? browserService(() => import('~/services/orderService').then(m => m.orderService(api))) : orderService(api)
  const auth = useAuthStore()
  const byId = ref<Record<number, Order>>({})
  const keep = (orders: readonly Order[]) => {
    for (const order of orders) byId.value[order.id] = order
  }

  const history = createCursorList<OrderHistoryFilter, Order>({
    fetchPage: (_filter, page) => service.list(page),
    keep,
    idOf: order => order.id,
    keyOf: () => 'all',
    ttlMs: ORDERS_TTL_MS,
    pageSize: ORDERS_PAGE_SIZE,
    maxPageSize: 100,
  })
  const details = createKeyedResource<Order>({ ttlMs: ORDERS_TTL_MS })
  const newest = createKeyedResource<Order | null>({ ttlMs: ORDERS_TTL_MS })

  async function loadOrder(id: number, options: { force?: boolean } = {}): Promise<ResourceState<Order>> {
    const state = await details.load(String(id), signal => service.get(id, { signal }), options)
    if (state.data) keep([state.data])
    return state
  }

  async function loadNewest(options: { force?: boolean } = {}): Promise<ResourceState<Order | null>> {
    const state = await newest.load(NEWEST, async (signal) => {
      const page = await service.list({ pageSize: 1, signal })
      return page.items[0] ?? null
    }, options)
    if (state.data) keep([state.data])
    return state
  }

  /** POST /orders/ once with the attempt's key; what the answer means (composables/checkout/attempt/ decides the rest). */
  function place(request: OrderRequest, idempotencyKey: string): Promise<PlaceOrderAnswer> {
    return service.place(request, { idempotencyKey })
  }

  /** The shopper's newest orders, straight from the backend (looking for the order a lost answer made). */
  async function newestOrders(count = 10): Promise<Order[]> {
    const page = await service.list({ pageSize: count })
    keep(page.items)
    return page.items
  }

  /** An order the checkout just placed (the backend's answer): shown at once, and the history reloads. */
  function remember(order: Order): void {
    keep([order])
    details.set(String(order.id), order)
    newest.set(NEWEST, order)
    history.reset()
  }

  function reset(): void {
    byId.value = {}
    history.reset()
    for (const key of Object.keys(details.entries.value)) details.forget(key)
    newest.forget(NEWEST)
  }

  if (import.meta.client) watch(() => auth.user?.id ?? null, (now, before) => {
    if (now !== before) reset()
  })

  return {
    byId,
    lists: history.lists,
    details: details.entries,
    newestEntries: newest.entries,
    listFor: history.get,
    fetchFirst: history.fetchFirst,
    loadMore: history.loadMore,
    retry: history.retry,
    detailFor: (id: number) => details.get(String(id)),
    newestOrder: () => newest.get(NEWEST),
    loadOrder,
    loadNewest,
    place,
    newestOrders,
    remember,
    reset,
  }
})
