import { onBeforeUnmount, toValue, type MaybeRefOrGetter } from 'vue'
import { useEventListener } from '@vueuse/core'

export interface UseCursorInAddressBarOptions {
  /** Element that holds the product cards (their links to /products/{id}-{slug}). */
  container: MaybeRefOrGetter<HTMLElement | null | undefined>
  /** Product ids in list order. */
  ids: MaybeRefOrGetter<readonly number[]>
  /** Where each loaded component page starts in `ids`, and its cursor (null: the start of the listing). */
  pages: MaybeRefOrGetter<ReadonlyArray<{ cursor: string | null, offset: number }>>
  /** The listing URL for a component page. */
  urlFor: (cursor: string | null) => string
}

const PRODUCT_LINK = /\/products\/(\d+)-/

/**
 * As the shopper scrolls an infinitely loading list, the address bar follows the component page at the top of
 * the screen (history.replaceState, no navigation), so a reload or a shared link lands there. Vue Router's own
 * history state is updated too, or its next push would put the old URL back.
 */
export function useCursorInAddressBar(options: UseCursorInAddressBarOptions): void {
  if (import.meta.server) return
  let frame = 0
  let shown: string | null | undefined

  function topProductId(container: HTMLElement): number | null {
    for (const link of container.querySelectorAll<HTMLAnchorElement>('a[href*="/products/"]')) {
      if (link.getBoundingClientRect().bottom <= 0) continue
      const match = PRODUCT_LINK.exec(link.getAttribute('href') ?? '')
      return match ? Number(match[1]) : null
    }
    return null
  }

  function sync(): void {
    frame = 0
    const container = toValue(options.container)
    const id = container ? topProductId(container) : null
    if (id === null) return
    const index = toValue(options.ids).indexOf(id)
    if (index < 0) return
    const page = [...toValue(options.pages)].reverse().find(candidate => candidate.offset <= index)
    if (!page || page.cursor === shown) return
    shown = page.cursor
    const url = options.urlFor(page.cursor)
    if (url === window.location.pathname + window.location.search) return
    const state: unknown = window.history.state
    window.history.replaceState(state && typeof state === 'object' ? { ...state, current: url } : state, '', url)
  }

  useEventListener(window, 'scroll', () => {
    if (!frame) frame = window.requestAnimationFrame(sync)
  }, { passive: true })
  onBeforeUnmount(() => window.cancelAnimationFrame(frame))
}
