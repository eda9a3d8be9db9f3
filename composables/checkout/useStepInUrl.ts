import { onScopeDispose, watch } from 'vue'
import { useRoute, useRouter } from '#app'
import { CHECKOUT_PATH } from '~/utils/routes/paths'
import { useCheckoutContext } from './useCheckout'

/**
 * Keeps the URL on the step shown. A step that is not open yet (arrival, Back or Forward onto one, a link) shows the
 * first open step instead, and the URL is replaced with it: Back after a declined card (review's entry, closed again)
 * must not show the payment step under `?step=review`. For the steps' component, which shows only once the checkout
 * is ready: no code in the checkout's first view. Each of the checkout's entries is marked with its first one
 * (checkoutHistory.ts), where the placed order goes, by the placing chunk: the page started loading it as it opened,
 * and a static import would put the chunk's name in the first view.
 */
export function useStepInUrl(): void {
  const { step } = useCheckoutContext()
  const route = useRoute()
  const router = useRouter()
  watch(() => route.path === CHECKOUT_PATH && route.query.step !== step.value, (elsewhere) => {
    if (elsewhere) void router.replace({ path: CHECKOUT_PATH, query: { step: step.value } })
  }, { immediate: true })
  // Each step's entry as it was shown, marked in the order shown: should the chunk still be on its way while the
  // shopper goes on, the marks still start from the entry the steps first showed on.
  let first: number | null = null
  let marking: Promise<void> = Promise.resolve()
  let live = true
  onScopeDispose(() => {
    live = false
  })
  watch(() => route.fullPath, () => {
    if (route.path !== CHECKOUT_PATH) return
    const seen = history.state as Record<string, unknown> | null
    marking = marking.then(() => import('./attempt/placing')).then((m) => {
      if (live) first = m.markCheckoutEntry(first, seen)
    }, () => { /* unmarked: the order then replaces the last entry alone */ })
  }, { immediate: true })
}
