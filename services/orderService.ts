import { isApiError } from '~/composables/core/api/ApiError'
import { deferModule } from '~/composables/core/api/deferredModule'
import type { ApiClient } from '~/composables/core/api/types'
import type { CursorPageDto, OrderDto, ShippingMethodDto } from './dto'
import type { Order, OrderRequest, PlaceOrderAnswer } from './domain/order'
import type { CursorPage } from './domain/pagination'
import type { ShippingMethod } from './domain/shipping'
import { mapCursorPage, pageQueryParams } from './mappers/cursorPage'
import { toOrder, toOrderCreate, toShippingMethod } from './mappers/order'
import { toPlaceOrderAnswer } from './mappers/placeOrderAnswer'

export interface OrderPageRequest {
  cursor?: string | null
  pageSize?: number
  signal?: AbortSignal
}

export interface OrderRequestOptions {
  signal?: AbortSignal
}

export interface PlaceOrderOptions {
  /** One key per attempt, the same on every send of it (composables/checkout/attempt/). */
  idempotencyKey: string
  signal?: AbortSignal
}

/** One function per checkout and order endpoint; stateless. Orders are the signed-in shopper's own. */
export function orderService(api: ApiClient) {
  // The walker of DRF's `next` (services/mappers/allPages.ts, the categories' too), loaded only for an answer with a
  // later page, through the categories' service chunk that already holds it: imported statically here (790ede4) or
  // lazily on its own, it becomes a chunk shared with the categories, and the first view of every catalog page grows
  // (categoryService.ts). A chunk that cannot be fetched fails the call as a retryable network error (deferModule).
  const pager = deferModule(() => import('./categoryService'))

  return {
    async shippingMethods(options: OrderRequestOptions = {}): Promise<ShippingMethod[]> {
      // A plain list per the contract; a backend with a global DEFAULT_PAGINATION_CLASS pages it: every page is read,
      // or a method on a later page could never be chosen. A later page that fails fails the list (never a partial
      // one that looks complete): the checkout says the methods could not load and offers to try again.
      const page = (query: URLSearchParams | null) => api.get<ShippingMethodDto[] | CursorPageDto<ShippingMethodDto>>(
        '/shipping-methods/',
        query ? Object.fromEntries(query) : undefined,
        { signal: options.signal },
      )
      const first = await page(null)
      const dtos = Array.isArray(first) ? first : first.next ? await (await pager.get()).pagesFrom(first, page) : first.results
      return dtos.map(toShippingMethod)
    },

    /** The shopper's orders, newest first. */
    async list(page: OrderPageRequest = {}): Promise<CursorPage<Order>> {
      const params = { ...pageQueryParams(page.cursor), page_size: page.pageSize }
      const dto = await api.get<CursorPageDto<OrderDto>>('/orders/', params, { signal: page.signal })
      return mapCursorPage(dto, toOrder)
    },

    /** One of the shopper's orders; another shopper's, or an unknown id, is a 404 ApiError. */
    async get(id: number, options: OrderRequestOptions = {}): Promise<Order> {
      return toOrder(await api.get<OrderDto>(`/orders/${id}/`, undefined, { signal: options.signal }))
    },

    /**
     * Places the order of the shopper's cart as the backend holds it. Resolves with what the answer means, never
     * rejects for an HTTP outcome (a decline, a replay, a lost answer are all answers the checkout acts on).
     * Sent once: the attempt (not the transport) decides whether and when to send again, after looking for the
     * order a lost answer may have made.
     */
    async place(request: OrderRequest, options: PlaceOrderOptions): Promise<PlaceOrderAnswer> {
      try {
        const dto = await api.post<OrderDto>('/orders/', toOrderCreate(request), { idempotencyKey: options.idempotencyKey, maxRetries: 0, signal: options.signal })
        return { kind: 'placed', order: toOrder(dto), replayed: false }
      }
      catch (error) {
        if (!isApiError(error)) throw error
        return toPlaceOrderAnswer(error)
      }
    },
  }
}

export type OrderService = ReturnType<typeof orderService>
