import { toValue, watch, type MaybeRefOrGetter } from 'vue'
import { navigateTo, useNuxtApp, useRoute } from '#imports'
import type { ProductDetail } from '~/services/domain/product'
import { useProductDetailStore } from '~/stores/catalog/productDetail'
import { productPath, productSegment } from '~/utils/routes/paths'

export interface UseProductStatusOptions {
  /** Product id from the URL; 0 when the URL has none. */
  id: MaybeRefOrGetter<number>
  /** The URL's "{id}-{slug}" segment as requested. */
  segment: MaybeRefOrGetter<string>
  /** The loaded product (client side: to fix a wrong slug after navigation). */
  product: MaybeRefOrGetter<ProductDetail | null>
}

/**
 * Keeps the product URL canonical. On the server it waits for the product (the request the page makes anyway; the
 * store coalesces them, and a finished load, failed or not, is used as it is) and answers 301 to /products/{id}-{slug} for a missing or wrong slug; the page's 404/503
 * come from usePageStatus. In the browser a wrong slug is replaced.
 */
export async function useProductStatus(options: UseProductStatusOptions): Promise<void> {
  const nuxtApp = useNuxtApp()
  const route = useRoute()

  if (import.meta.server) {
    // Everything that needs the Nuxt context is taken before the first await.
    const id = toValue(options.id)
    const store = useProductDetailStore()
    // The page loaded it already: a failed load is not asked again here (that doubled every failing render's
    // backend calls and its time during an outage); only a page that did not load it has it loaded.
    const loaded = store.detailFor(id)
    const state = id > 0 ? (loaded && loaded.status !== 'loading' ? loaded : await store.fetchDetail(id)) : null
    // 404 and 503 are the page's status (usePageStatus); only a product that loaded can have a wrong slug.
    const product = state?.data
    if (product && toValue(options.segment) !== productSegment(product)) {
      await nuxtApp.runWithContext(() => navigateTo({ path: productPath(product), query: route.query }, { redirectCode: 301 }))
    }
    return
  }

  watch(() => toValue(options.product), (product) => {
    if (!product) return
    if (toValue(options.segment) !== productSegment(product)) {
      void nuxtApp.runWithContext(() => navigateTo({ path: productPath(product), query: route.query, hash: route.hash }, { replace: true }))
    }
  }, { immediate: true })
}
