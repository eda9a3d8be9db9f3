import { useNuxtApp } from '#app'
import type { PurchaseLine } from '~/services/domain/product'
import type { UseCartReturn } from './useCart'

export interface UseCartLoaderReturn {
  /** The cart, its code loaded on first use. */
  load: () => Promise<UseCartReturn>
  /** useCart().add, loading the cart's code first. */
  add: (line: PurchaseLine) => Promise<void>
}

/**
 * For first views that only need the cart when the shopper acts (the product page's "Add to cart", quick add on
 * cards): the store, the service and the rest load on the first click instead of with the page (the JS budgets,
 * bench/budgets.json). A chunk that cannot load (offline, a new deploy) fails that call; the next one tries again.
 */
export function useCartLoader(): UseCartLoaderReturn {
  const nuxtApp = useNuxtApp()
  let loading: Promise<UseCartReturn> | null = null
  const load = () => (loading ??= import('./cartRuntime').then(
    runtime => nuxtApp.runWithContext(() => runtime.startCart()),
    (failure: unknown) => {
      loading = null
      throw failure
    },
  ))
  return { load, add: async line => (await load()).add(line) }
}
