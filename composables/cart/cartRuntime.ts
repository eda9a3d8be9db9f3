import { onScopeDispose, watch } from 'vue'
import { useAnnouncer } from '~/composables/ui/useAnnouncer'
import { useAuthStore } from '~/stores/auth'
import { useCartStore } from '~/stores/cart/cart'
import { seenLineKey } from '~/stores/cart/goneLines'
import { connectCartTabs } from './cartTabSync'
import { useCart, type UseCartReturn } from './useCart'

/**
 * The cart's browser side, wired once per app the first time anything needs the cart (the header at idle, or an
 * early "Add to cart"): other tabs hear about every settled burst of changes and refetch; signing in here loads
 * the merged cart (the BFF merged the guest cart into the account's, or will on this request); signing out
 * empties it here and in every other tab; lines the shop stopped selling are said once. Returns the cart for the caller.
 */
export function startCart(): UseCartReturn {
  const cart = useCart()
  if (import.meta.server) return cart
  const store = useCartStore()
  const auth = useAuthStore()
  store.startRuntime(() => {
    const tabs = connectCartTabs((message) => {
      if (message === 'reset') store.reset()
      else void store.refresh().catch(() => {})
    })
    onScopeDispose(tabs.close)
    // A page that made the guest's cart and left before its answer told no tab: a tab that found none looks again
    // when the shopper comes back to it (the marker, no request unless it is there); a cart whose read failed is read
    // again. One return is told twice, in either order and each in its own task (`visibilitychange` to visible,
    // `focus`): the first catches up and the second is the same return (a read that failed quickly in between would
    // otherwise be made again). Leaving (blur, hidden) reads nothing and ends the return; a signal heard twice with
    // no leave between is a new return whose leave we missed, so no genuine catch-up is lost.
    const away = new AbortController()
    const heard = new Set<'focus' | 'visible'>()
    const back = (signal: 'focus' | 'visible') => {
      if (heard.has(signal)) heard.clear()
      heard.add(signal)
      if (heard.size === 1) store.catchUp()
    }
    // The window's own focus and blur: an element's do not bubble, but a synthetic one may.
    const onWindow = (handle: () => void) => (event: Event) => {
      if (event.target === event.currentTarget) handle()
    }
    window.addEventListener('focus', onWindow(() => back('focus')), { signal: away.signal })
    window.addEventListener('blur', onWindow(() => heard.clear()), { signal: away.signal })
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') heard.clear()
      else back('visible')
    }, { signal: away.signal })
    onScopeDispose(() => away.abort())

    // Told once a burst has settled: ten clicks on "+" are one message, sent when the backend has the last of them.
    let told = store.acceptedChanges
    watch(() => store.updating, (updating) => {
      if (updating || store.acceptedChanges === told) return
      told = store.acceptedChanges
      tabs.post('changed')
    })

    // Said once per line, in this tab (the tab whose answer noticed it); the cart page and mini-cart show it until dismissed.
    const { announce } = useAnnouncer()
    const said = new Set<string>()
    watch(() => store.gone, (lines) => {
      if (lines.length === 0) said.clear()
      const fresh = lines.filter(line => !said.has(seenLineKey(line)))
      for (const line of fresh) said.add(seenLineKey(line))
      // The sentence's code loads then: the cart's loader is in every page's first view, and lists what the cart loads.
      if (fresh.length) void import('./cartGoneMessage').then(module => announce(fresh.map(module.cartGoneMessage).join(' ')), () => {})
    }, { immediate: true })

    watch(() => auth.user?.id ?? null, (now, before) => {
      if (now !== null && before === null) {
        // The sign-in answer merged the guest cart (or the merge is pending and this request retries it).
        void store.refresh().catch(() => {})
      }
      else if (now === null && before !== null) {
        store.reset()
        tabs.post('reset')
      }
    })
  })
  return cart
}
