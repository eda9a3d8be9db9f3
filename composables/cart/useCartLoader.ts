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
 * For first views that need the cart only when the shopper acts (the product page's "Add to cart", quick add on
 * product cards): the cart's code (store, service, runtime) loads on first use instead of with the page (the JS
 * budgets, bench/budgets.json). A chunk that cannot load (offline, a new deploy) rejects with a plain Error,
 * which callers explain themselves.
 */
export function useCartLoader(): UseCartLoaderReturn {
  const nuxtApp = useNuxtApp()
  const load = () => import('./cartRuntime').then(runtime => nuxtApp.runWithContext(() => runtime.startCart()))
  return { load, add: async line => (await load()).add(line) }
}
