import { defineStore } from 'pinia'
import { useApi } from '~/composables/core/useApi'
import type { ShippingMethod } from '~/services/domain/shipping'
import { orderService } from '~/services/orderService'
import { browserService } from '~/stores/resources/browserService'
import { createKeyedResource, type ResourceState } from '~/stores/resources/keyedResource'

export const SHIPPING_TTL_MS = 10 * 60_000
const ALL = 'all'

/** The shipping methods the backend offers (the same for everyone; prices change rarely). */
export const useShippingStore = defineStore('shipping', () => {
  const api = useApi()
  const service = import.meta.client ? browserService(() => import('~/services/orderService').then(m => m.orderService(api))) : orderService(api)
  const methods = createKeyedResource<ShippingMethod[]>({ ttlMs: SHIPPING_TTL_MS })
  return {
    entries: methods.entries,
    state: () => methods.get(ALL),
    load: (options: { force?: boolean } = {}): Promise<ResourceState<ShippingMethod[]>> => methods.load(ALL, signal => service.shippingMethods({ signal }), options),
  }
})
