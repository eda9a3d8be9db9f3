import { describe, expect, it, vi } from 'vitest'
import CartHeaderButton from '~/components/cart/CartHeaderButton.vue'
import { useCartQuickAdd } from '~/composables/cart/useCartQuickAdd'
import { currentAnnouncement } from '~/composables/ui/useAnnouncer'
import { createCartBackend, serveCart } from '../../support/cartBackend'
import { apiError } from '../../support/fakeApi'
import { mountComposable, mountInNuxt } from '../../support/nuxt'
import { useFakeApi } from '../../support/useFakeApi'

// "Add to cart" whose answer was lost while the cart could not be read either: the backend may have added it, so
// the shopper is asked to check the cart (never told "not added", never offered a "Try again" that could add it
// twice), and the cart is read again when they look.
const fake = useFakeApi()
const UNCONFIRMED = 'We could not confirm it was added. Check your cart before adding it again.'

async function page() {
  const backend = createCartBackend([{ id: 1, productId: 10, variantId: null, quantity: 2, unitCents: 1000, stock: 8 }])
  serveCart(fake.current, backend, [1])
  document.cookie = 'sf_cart=1; path=/'
  const header = await mountInNuxt(CartHeaderButton, { attachTo: document.body, route: '/products' })
  await vi.waitFor(() => expect(header.get('button[aria-controls]').text()).toContain('Cart, 2 items'))
  const { result: quickAdd } = await mountComposable(() => useCartQuickAdd())
  const notice = () => document.querySelector<HTMLElement>('section.cart-notice')
  const control = (name: string) => [...notice()?.querySelectorAll<HTMLElement>('a, button') ?? []].find(el => el.textContent?.trim() === name)
  return { backend, header, quickAdd, notice, control }
}

describe('an addition whose answer was lost and whose cart could not be read', () => {
  it('asks the shopper to check the cart, with "View cart" focused after "Try again", and no way to add it twice', async () => {
    const { backend, quickAdd, notice, control } = await page()
    // First a plain refusal the cart could check (nothing added): "Not added", with "Try again".
    fake.current.on('POST', '/cart/items/', apiError(503, 'Service temporarily unavailable.'))
    await quickAdd.add(30)
    await vi.waitFor(() => expect(notice()?.getAttribute('aria-label')).toBe('Not added to your cart'))
    expect(currentAnnouncement()).toBe('Not added to your cart. Service temporarily unavailable.')

    // "Try again": this time the backend adds it, the answer is lost, and the cart cannot be read.
    fake.current.on('POST', '/cart/items/', () => {
      backend.add(30, null, 1)
      throw apiError(0, 'We could not reach the store.')
    })
    fake.current.on('GET', '/cart/', apiError(503, 'Service temporarily unavailable.'), () => backend.dto())
    control('Try again')!.click()
    await vi.waitFor(() => expect(notice()?.getAttribute('aria-label')).toBe('Check your cart'))
    expect(notice()!.textContent).toContain(UNCONFIRMED)
    expect(notice()!.textContent).not.toContain('Not added')
    expect(currentAnnouncement()).toBe(UNCONFIRMED)
    expect(control('Try again')).toBeUndefined()
    await vi.waitFor(() => expect(document.activeElement).toBe(control('View cart')))
    expect(control('View cart')!.getAttribute('href')).toBe('/cart')
    expect(fake.current.callsTo('/cart/items/', 'POST')).toHaveLength(2)
  })

  it('reads the cart again when the shopper opens it to check, and says when it may be out of date', async () => {
    const { backend, header, quickAdd } = await page()
    fake.current.on('POST', '/cart/items/', () => {
      backend.add(30, null, 1)
      throw apiError(504, 'Gateway timeout.')
    })
    fake.current.on('GET', '/cart/', apiError(503, 'Service temporarily unavailable.'), apiError(503, 'Service temporarily unavailable.'), () => backend.dto())
    await quickAdd.add(30)
    expect(currentAnnouncement()).toBe(UNCONFIRMED)

    // Opened to check: read again, and that read fails too: the cart shown is the last one read, and says so.
    await header.get('button[aria-controls]').trigger('click')
    const dialog = () => header.get('[role="dialog"]')
    await vi.waitFor(() => expect(fake.current.callsTo('/cart/', 'GET')).toHaveLength(3))
    const retry = await vi.waitFor(() => {
      expect(dialog().text()).toContain('We could not load the latest version of your cart. It may be out of date.')
      const found = dialog().findAll('button').find(b => b.text() === 'Try again')
      if (!found) throw new Error('no "Try again"')
      return found
    })
    expect(dialog().text()).not.toContain('Product 30')

    await retry.trigger('click')
    await vi.waitFor(() => expect(dialog().text()).toContain('Product 30'))
    expect(dialog().text()).not.toContain('may be out of date')
    expect(fake.current.callsTo('/cart/items/', 'POST')).toHaveLength(1)
  })
})
