import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'
import type { Order } from '~/services/domain/order'
import { useOrderStore } from '~/stores/orders/orders'
import type { ResourceStatus } from '~/stores/resources/keyedResource'

export interface UseOrderDetailReturn {
  /** The order, once loaded (or already known from the history or the checkout). */
  order: ComputedRef<Order | null>
  status: ComputedRef<ResourceStatus>
  /** No such order for this shopper: unknown, or someone else's (the backend answers 404 for both). */
  notFound: ComputedRef<boolean>
  /** Any other failure, with a message and whether trying again may help. */
  error: ComputedRef<ApiErrorData | null>
  retry: () => Promise<void>
}

/** A path segment as an order id: digits only, else there is no such order (and no request is made). */
export function orderIdFrom(segment: unknown): number | null {
  return typeof segment === 'string' && /^\d{1,15}$/.test(segment) ? Number(segment) : null
}

/** One of the shopper's orders by id, server-rendered; another shopper's order is a 404 like an unknown one. */
export async function useOrderDetail(id: MaybeRefOrGetter<number | null>): Promise<UseOrderDetailReturn> {
  const store = useOrderStore()
  const current = computed(() => toValue(id))
  const entry = computed(() => (current.value === null ? undefined : store.detailFor(current.value)))
  const load = async (force = false) => {
    if (current.value !== null) await store.loadOrder(current.value, { force })
  }
  await useStoreLoad(`orders:detail:${current.value}`, () => load())
  return {
    order: computed(() => entry.value?.data ?? (current.value === null ? null : store.byId[current.value] ?? null)),
    status: computed(() => (current.value === null ? 'error' : entry.value?.status ?? (store.byId[current.value] ? 'success' : 'loading'))),
    notFound: computed(() => current.value === null || (entry.value?.status === 'error' && entry.value.error?.status === 404)),
    error: computed(() => (entry.value?.status === 'error' && entry.value.error?.status !== 404 ? entry.value.error : null)),
    retry: () => load(true),
  }
}
