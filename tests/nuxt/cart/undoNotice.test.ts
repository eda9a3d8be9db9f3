import { describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import CartHeaderButton from '~/components/cart/CartHeaderButton.vue'
import { useCart } from '~/composables/cart/useCart'
import { currentAnnouncement } from '~/composables/ui/useAnnouncer'
import { createCartBackend, serveCart } from '../../support/cartBackend'
import { apiError, type FakeCall } from '../../support/fakeApi'
import { mountComposable, mountInNuxt } from '../../support/nuxt'
import { useFakeApi } from '../../support/useFakeApi'

// "Undo" on the cart page puts a removed line back: the page says so ("… is back in your cart", or why not, by its
// Undo). The header's "added" notice (CartAddedNotice) is for "Add to cart" elsewhere: over the cart page it linked
// to the page itself and, at 320 px, covered the summary and "Proceed to checkout".
const fake = useFakeApi()

async function cartPage() {
  const backend = createCartBackend([{ id: 1, productId: 10, variantId: null, quantity: 2, unitCents: 1000, stock: 30 }])
  serveCart(fake.current, backend, [1])
  fake.current.on('DELETE', '/cart/items/1/', () => backend.remove(1))
  document.cookie = 'sf_cart=1; path=/'
  const header = await mountInNuxt(CartHeaderButton, { attachTo: document.body, route: '/cart' })
  await vi.waitFor(() => expect(header.find('button[aria-controls]').exists()).toBe(true))
  const { result: cart } = await mountComposable(() => useCart())
  await cart.ensureLoaded()
  const notice = () => document.querySelector<HTMLElement>('section.cart-notice')
  return { cart, backend, notice }
}

describe('Undo on the cart page', () => {
  it('puts the line back saying only that it is back, with no "added" notice', async () => {
    const { cart, backend, notice } = await cartPage()
    fake.current.on('POST', '/cart/items/', (call: FakeCall) => backend.add(10, null, (call.body as { quantity: number }).quantity))
    await cart.remove(1)
    await cart.undoRemove()
    await vi.waitFor(() => expect(currentAnnouncement()).toBe('Product 10 is back in your cart.'))
    expect(cart.itemCount.value).toBe(2)
    await nextTick()
    expect(notice()).toBeNull()

    // "Add to cart" still gets its notice.
    await cart.add({ productId: 40, variantId: null, quantity: 1 })
    await vi.waitFor(() => expect(notice()?.getAttribute('aria-label')).toBe('Added to your cart'))
  })

  it('says a refused Undo by the Undo only: no "Not added" notice offering "Try again" as well', async () => {
    const { cart, notice } = await cartPage()
    fake.current.on('POST', '/cart/items/', apiError(503, 'Service temporarily unavailable.'))
    await cart.remove(1)
    await expect(cart.undoRemove()).rejects.toMatchObject({ status: 503 })
    expect(currentAnnouncement()).toBe('Could not put it back. Service temporarily unavailable.')
    expect(cart.lastRemoved.value?.id).toBe(1)
    await nextTick()
    expect(notice()).toBeNull()
  })
})
