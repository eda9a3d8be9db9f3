import { onMounted, ref, type Ref } from 'vue'
import { useNuxtApp } from '#app'
import { useAuthStore } from '~/stores/auth'
import { readAttempt } from './attempt/attemptStorage'

/**
 * Whether this tab's checkout just placed the order shown (its finished attempt names it): the order page then
 * reads as a confirmation. The same URL without it is the plain order page. Read from sessionStorage, so never
 * during SSR; while hydrating, only once mounted (the server's HTML had no way to know).
 */
export function useJustPlaced(orderId: () => number | null): Ref<boolean> {
  const placed = ref(false)
  const auth = useAuthStore()
  const check = () => {
    const attempt = auth.user ? readAttempt(sessionStorage, auth.user.id) : null
    placed.value = attempt?.phase === 'placed' && attempt.orderId === orderId()
  }
  if (import.meta.client) {
    if (useNuxtApp().isHydrating) onMounted(check)
    else check()
  }
  return placed
}
