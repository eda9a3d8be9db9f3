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
 * Not after back/forward until the shopper scrolls again: the entry landed on has its own address already, and the
 * list shown and the place (put back by app/router.options.ts once the list is tall enough) change under the writer
 * meanwhile; a scroll then wrote the place of the entry just left into it (a plain /products became a deep one).
 */
export function useCursorInAddressBar(options: UseCursorInAddressBarOptions): void {
  // The route this page shows (Nuxt's, which follows a new page once it has rendered) and the router's own.
  const shown = useRoute()
  const router = useRouter()
  let frame = 0
  // Back/forward landed here and the shopper has not scrolled since.
  let landed = false
  // The entry this writer last gave another address, by its route: vue-router keeps the place of an entry left by
  // back/forward under its route's address, then looks for it under the address bar's, and lost this one's. Kept here
  // by entry and address instead, and put in the entry's state for the router when back/forward returns to it.
  let rewritten: { route: string, entry: string } | null = null
  const places = new Map<string, { left: number, top: number }>()
  const entryOf = (state: object): string => `${(state as { position?: unknown }).position} ${window.location.pathname}${window.location.search}`

  function sync(): void {
    frame = 0
    if (landed || router.currentRoute.value.fullPath !== shown.fullPath) return
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
    if (state && typeof state === 'object') rewritten = { route: router.currentRoute.value.fullPath, entry: entryOf(state) }
  }

  const onScroll = () => {
    frame ||= window.requestAnimationFrame(sync)
  }
  // Runs before the router has moved: the place is still the one of the entry left, the state the one landed on.
  const onPopState = () => {
    landed = true
    if (rewritten?.route === router.currentRoute.value.fullPath) places.set(rewritten.entry, { left: window.scrollX, top: window.scrollY })
    const state: unknown = window.history.state
    const place = state && typeof state === 'object' ? places.get(entryOf(state)) : undefined
    if (place) window.history.replaceState({ ...state as object, scroll: place }, '')
  }
  // The shopper's own scrolling (wheel, touch, keys, the scrollbar) lets the writer follow again.
  const onInput = () => {
    landed = false
  }
  const inputs = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const
  onMounted(() => {
    window.addEventListener('scroll', onScroll, { passive: true })
    window.addEventListener('popstate', onPopState)
    for (const type of inputs) window.addEventListener(type, onInput, { passive: true, capture: true })
  })
  onBeforeUnmount(() => {
    window.removeEventListener('scroll', onScroll)
    window.removeEventListener('popstate', onPopState)
    for (const type of inputs) window.removeEventListener(type, onInput, { capture: true })
    window.cancelAnimationFrame(frame)
  })
}
