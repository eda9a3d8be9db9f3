import { toValue, watch, type MaybeRefOrGetter } from 'vue'
import { navigateTo, setResponseStatus, useNuxtApp, useRequestEvent, useResponseHeader, useRoute } from '#imports'
import type { ProductDetail } from '~/services/domain/product'
import { useProductDetailStore } from '~/stores/catalog/productDetail'
import { productPath, productSegment } from '~/utils/routes/catalogPaths'

export interface UseProductStatusOptions {
  /** Product id from the URL; 0 when the URL has none. */
  id: MaybeRefOrGetter<number>
  /** The URL's "{id}-{slug}" segment as requested. */
  segment: MaybeRefOrGetter<string>
  /** The loaded product (client side: to fix a wrong slug after navigation). */
  product: MaybeRefOrGetter<ProductDetail | null>
}

/**
 * Makes the product URL tell the truth to crawlers. On the server it waits for the product (the request the
 * page makes anyway; the store coalesces them) and answers 404 for an unknown id, 503 when the backend failed,
 * and 301 to /products/{id}-{slug} for a missing or wrong slug. In the browser a wrong slug is replaced.
 */
export async function useProductStatus(options: UseProductStatusOptions): Promise<void> {
  const nuxtApp = useNuxtApp()
  const route = useRoute()

  if (import.meta.server) {
    // Everything that needs the Nuxt context is taken before the first await.
    const event = useRequestEvent()
    const retryAfter = useResponseHeader('retry-after')
    const id = toValue(options.id)
    const state = id > 0 ? await useProductDetailStore().fetchDetail(id) : null
    if (!event) return
    if (!state?.data) {
      // Unknown id -> 404. A backend that failed or did not answer -> 503, so crawlers retry instead of dropping the page.
      const failure = state?.error?.status
      const unavailable = failure !== undefined && (failure === 0 || failure >= 500)
      setResponseStatus(event, unavailable ? 503 : 404)
      if (unavailable) retryAfter.value = '60'
      return
    }
    const product = state.data
    if (toValue(options.segment) !== productSegment(product)) {
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
