import { onBeforeUnmount, onMounted, toValue, type MaybeRefOrGetter } from 'vue'
import { useRoute, useRouter } from '#app'
import type { ListPage } from '~/stores/resources/cursorList'

export interface UseCursorInAddressBarOptions {
  /** Index of the item at the top of the screen, from the list's layout; null while unknown. */
  firstVisibleIndex: () => number | null
  /** The pages the list loaded: where each starts (its offset in the list). */
  pages: MaybeRefOrGetter<readonly ListPage[]>
  /** The listing URL of the loaded page at `index` in `pages`. */
  urlForPage: (index: number) => string
}

/**
 * As the shopper scrolls an infinitely loading list, the address bar follows the component page at the top of
 * the screen (history.replaceState, no navigation), so a reload or a shared link lands there. Which page that is
 * comes from the list's state (the item index on screen, the offsets of the pages it loaded), not from the DOM.
 * Vue Router's own history state is updated too, or its next push would put the old URL back.
 * Only while the listing is the router's page: a link followed from it has the next page's address written before
 * that page renders (its code loads first), and a scroll meanwhile put the listing's address back over the product's.
 */
export function useCursorInAddressBar(options: UseCursorInAddressBarOptions): void {
  // The route this page shows (Nuxt's, which follows a new page once it has rendered) and the router's own.
  const shown = useRoute()
  const router = useRouter()
  let frame = 0

  function sync(): void {
    frame = 0
    if (router.currentRoute.value.fullPath !== shown.fullPath) return
    const index = options.firstVisibleIndex()
    if (index === null) return
    const pages = toValue(options.pages)
    let page = -1
    for (let i = 0; i < pages.length && pages[i]!.offset <= index; i++) page = i
    if (page < 0) return
    const url = options.urlForPage(page)
    if (url === window.location.pathname + window.location.search) return
    const state: unknown = window.history.state
    window.history.replaceState(state && typeof state === 'object' ? { ...state, current: url } : state, '', url)
  }

  const onScroll = () => {
    frame ||= window.requestAnimationFrame(sync)
  }
  onMounted(() => window.addEventListener('scroll', onScroll, { passive: true }))
  onBeforeUnmount(() => {
    window.removeEventListener('scroll', onScroll)
    window.cancelAnimationFrame(frame)
  })
}
