import { computed, type ComputedRef } from 'vue'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'
import type { ShippingMethod } from '~/services/domain/shipping'
import { useShippingStore } from '~/stores/orders/shipping'
import type { ResourceStatus } from '~/stores/resources/keyedResource'

export interface UseShippingMethodsReturn {
  /** The methods on offer, cheapest first as the backend lists them; empty until loaded. */
  methods: ComputedRef<ShippingMethod[]>
  status: ComputedRef<ResourceStatus>
  error: ComputedRef<ApiErrorData | null>
  retry: () => Promise<void>
  /** Resolves once loaded (awaited during SSR): `await` it last in a setup, after every hook. */
  loaded: Promise<void>
}

/** The shipping methods, loaded once (server-rendered where the page is) and kept for ten minutes. */
export function useShippingMethods(): UseShippingMethodsReturn {
  const store = useShippingStore()
  return {
    loaded: useStoreLoad('checkout:shipping-methods', () => store.load()),
    methods: computed(() => store.state()?.data ?? []),
    status: computed(() => store.state()?.status ?? 'idle'),
    error: computed(() => (store.state()?.status === 'error' ? store.state()?.error ?? null : null)),
    retry: async () => {
      await store.load({ force: true })
    },
  }
}
