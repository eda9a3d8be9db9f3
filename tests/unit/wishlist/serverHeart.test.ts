import { describe, expect, it, vi } from 'vitest'
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import WishlistHeart from '~/components/wishlist/WishlistHeart.vue'
import { serverHeart, WISHLIST_HEART_MODULE } from '~/composables/wishlist/serverHeart'
import type { WishlistProduct } from '~/composables/wishlist/wishlistAccess'

// A server render writes product cards' hearts as elements instead of WishlistHeart instances (ProductCard.vue):
// the HTML must be the component's, or hydration would take over different markup, and the component's styles must
// still reach the page's head (Nuxt inlines the styles of the modules a render registered).

// No Nuxt app here: the heart's handle on the wishlist is the browser's, not started yet, as during a server render.
vi.mock('#app', () => ({ useNuxtApp: () => ({}) }))

async function render(node: () => ReturnType<typeof h>): Promise<{ html: string, modules: string[] }> {
  const context: { modules?: Set<string> } = {}
  const html = await renderToString(createSSRApp(defineComponent({ render: node })), context)
  return { html, modules: [...context.modules ?? []] }
}

const PRODUCTS: WishlistProduct[] = [
  { id: 7, title: 'Red chair' },
  { id: 8, title: 'Tom & Jerry "mug" <large>' },
  { id: 9, title: 'Café crème – 2 × 250 g' },
]

describe('serverHeart', () => {
  it('writes the HTML WishlistHeart renders on the server, over a card or inline', async () => {
    for (const product of PRODUCTS) {
      for (const overlay of [true, false]) {
        const component = await render(() => h(WishlistHeart, { product, overlay }))
        const element = await render(() => serverHeart(product, overlay))
        expect(element.html, `${product.title}, overlay ${overlay}`).toBe(component.html)
        expect(element.html).toContain('aria-pressed="false"')
      }
    }
  })

  it('registers the module WishlistHeart registers, so its styles are inlined', async () => {
    const component = await render(() => h(WishlistHeart, { product: PRODUCTS[0]!, overlay: true }))
    const element = await render(() => serverHeart(PRODUCTS[0]!, true))
    expect(component.modules).toEqual([WISHLIST_HEART_MODULE])
    expect(element.modules).toEqual(component.modules)
  })
})
