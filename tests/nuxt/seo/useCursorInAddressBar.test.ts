import { afterEach, describe, expect, it, vi } from 'vitest'
import { useCursorInAddressBar } from '~/composables/seo/useCursorInAddressBar'
import type { ListPage } from '~/stores/resources/cursorList'
import { defineComponent, h, provide, shallowReactive } from 'vue'
import { PageRouteSymbol } from '#app/components/injections'
import { useRouter } from '#imports'
import { CART_PATH, PRODUCTS_PATH } from '~/utils/routes/paths'
import { mountComposable, mountInNuxt } from '../../support/nuxt'

const pages: ListPage[] = [{ cursor: null, offset: 0 }, { cursor: 'c2', offset: 24 }, { cursor: 'c3', offset: 48 }]
const urlForPage = (index: number) => (index === 0 ? PRODUCTS_PATH : `${PRODUCTS_PATH}?cursor=c${index + 1}`)

afterEach(() => {
  vi.restoreAllMocks()
})

/** Scrolls (as far as the composable can tell) and lets its animation frame run. */
async function scrollTo(top: { index: number | null }, index: number | null): Promise<void> {
  top.index = index
  window.dispatchEvent(new Event('scroll'))
  await new Promise(resolve => requestAnimationFrame(resolve))
}

describe('useCursorInAddressBar', () => {
  it('puts the URL of the loaded page at the top of the screen in the address bar, from the list\'s positions', async () => {
    const top = { index: null as number | null }
    await mountComposable(() => useCursorInAddressBar({ firstVisibleIndex: () => top.index, pages, urlForPage }), { route: PRODUCTS_PATH })
    const replaceState = vi.spyOn(window.history, 'replaceState')

    await scrollTo(top, 30)
    expect(window.location.pathname + window.location.search).toBe(`${PRODUCTS_PATH}?cursor=c2`)
    // Vue Router's own record follows, or its next push would put the old URL back.
    expect((window.history.state as { current?: string }).current).toBe(`${PRODUCTS_PATH}?cursor=c2`)

    await scrollTo(top, 60)
    expect(window.location.search).toBe('?cursor=c3')
    await scrollTo(top, 5)
    expect(window.location.search).toBe('')
    expect(replaceState).toHaveBeenCalledTimes(3)

    // Same page again, or a grid that is not measured yet: nothing written.
    await scrollTo(top, 10)
    await scrollTo(top, null)
    expect(replaceState).toHaveBeenCalledTimes(3)
  })

  it('leaves alone the address of a page the shopper is going to, while the listing is still on screen', async () => {
    const top = { index: 30 as number | null }
    await mountInNuxt(defineComponent({
      setup() {
        // What NuxtPage gives a page: the route it was rendered for, which stays while the next page loads.
        provide(PageRouteSymbol, shallowReactive({ ...useRouter().currentRoute.value }))
        return () => h(defineComponent({
          setup() {
            useCursorInAddressBar({ firstVisibleIndex: () => top.index, pages, urlForPage })
            return () => h('div')
          },
        }))
      },
    }), { route: PRODUCTS_PATH })
    // A link followed from the listing: the router writes the next page's address before that page has rendered.
    await useRouter().push(CART_PATH)
    expect(window.location.pathname).toBe(CART_PATH)

    await scrollTo(top, 30)
    expect(window.location.pathname + window.location.search).toBe(CART_PATH)
    expect((window.history.state as { current?: string }).current).toBe(CART_PATH)
  })
})
