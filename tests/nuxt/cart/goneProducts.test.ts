import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startCart } from '~/composables/cart/cartRuntime'
import CartHeaderButton from '~/components/cart/CartHeaderButton.vue'
import CartPage from '~/pages/cart.vue'
import { useCartStore } from '~/stores/cart/cart'
import { ADDRESS } from '../../contract/support/fixtures'
import { createDemoApi, type DemoApi } from '../../support/demoApi'
import { installApi } from '../../support/installedApi'
import { mountComposable, mountInNuxt } from '../../support/nuxt'
import { settle } from '../../support/promises'
import { freshStores } from '../../support/stores'
import { hearAnnouncements } from '../../support/announcements'

// A product the shop deletes while it is in the cart (the demo backend drops its lines, as Django's CASCADE does:
// tests/contract/productGone.test.ts). The shopper is told once, by the name the cart showed; a line that left for
// any other reason (removed here or in another tab, taken by an order) is not called "no longer available".
let demo: DemoApi
let heard: string[] = []

beforeEach(() => {
  demo = createDemoApi()
  installApi(demo.api)
  freshStores()
  localStorage.clear()
  heard = hearAnnouncements()
})
afterEach(() => {
  installApi(null)
  vi.restoreAllMocks()
})

const sentence = (title: string) => `${title} is no longer available and was removed from your cart.`
const noLonger = () => heard.filter(text => text.includes('no longer available'))

/** A shopper's cart (this tab's app, its runtime started as the header does) with one unit of each of `count` products. */
async function cartWith(count: number) {
  const { result: cart } = await mountComposable(() => startCart())
  const products = demo.backend.db.products.filter(p => !p.variants && p.stock >= 5).slice(0, count)
  for (const product of products) await cart.add({ productId: product.id, variantId: null, quantity: 1 })
  return { cart, products }
}

async function deleteProduct(id: number): Promise<void> {
  expect((await demo.call(`/__products/${id}/`, { method: 'DELETE' })).status).toBe(204)
}

describe('a product the shop stopped selling', () => {
  it('is said once, by the name the cart showed, and shown on the cart page until dismissed', async () => {
    const { cart, products: [gone, kept] } = await cartWith(2)
    await deleteProduct(gone!.id)
    const page = await mountInNuxt(CartPage, { attachTo: document.body, route: '/cart' })
    await vi.waitFor(() => expect(page.text()).toContain(sentence(gone!.title)))
    const items = page.get('ul[aria-label="Items in your cart"]').text()
    expect(items).toContain(kept!.title)
    expect(items).not.toContain(gone!.title)
    expect(noLonger()).toEqual([sentence(gone!.title)])

    await page.get('button[aria-label="Dismiss: no longer available"]').trigger('click')
    expect(page.text()).not.toContain('no longer available')
    expect(document.activeElement?.textContent).toBe('Your cart')
    // Told once: the next answer says nothing more.
    await cart.refresh()
    await settle()
    expect(page.text()).not.toContain('no longer available')
    expect(noLonger()).toHaveLength(1)
  })

  it('is shown in the mini-cart too, and dismissed there', async () => {
    const { cart, products: [gone] } = await cartWith(2)
    const header = await mountInNuxt(CartHeaderButton, { attachTo: document.body, route: '/products' })
    const button = () => header.get('button[aria-controls]')
    await vi.waitFor(() => expect(button().text()).toContain('Cart, 2 items'))
    await deleteProduct(gone!.id)
    await cart.refresh()
    await button().trigger('click')
    const dialog = header.get('[role="dialog"]')
    await vi.waitFor(() => expect(dialog.text()).toContain(sentence(gone!.title)))
    await dialog.get('button[aria-label="Dismiss: no longer available"]').trigger('click')
    expect(dialog.text()).not.toContain('no longer available')
    expect(document.activeElement?.textContent?.trim()).toBe('Your cart, 1 item')
  })

  it('is not said of a line the shopper removed, even in the answer that lacks a deleted one too', async () => {
    const { cart, products: [removed, gone] } = await cartWith(2)
    await deleteProduct(gone!.id)
    await cart.remove(cart.lines.value.find(line => line.productId === removed!.id)!.id)
    await vi.waitFor(() => expect(cart.gone.value.map(line => line.title)).toEqual([gone!.title]))
    await settle()
    expect(noLonger()).toEqual([sentence(gone!.title)])
    expect(heard).toContain(`Removed ${removed!.title} from your cart.`)
  })

  it('is not said of a line removed in another tab', async () => {
    const { cart, products: [removed, gone] } = await cartWith(2)
    // Another tab of this browser: its own app and stores, the same cart and storage.
    const otherTab = useCartStore(createPinia())
    await otherTab.refresh()
    await otherTab.remove(otherTab.lines.find(line => line.productId === removed!.id)!.id)
    await deleteProduct(gone!.id)
    // What this tab does when the other one says the cart changed.
    await cart.refresh()
    await vi.waitFor(() => expect(cart.gone.value.map(line => line.title)).toEqual([gone!.title]))
    await settle()
    expect(noLonger()).toEqual([sentence(gone!.title)])
  })

  it('is not said of lines an order took, and is said of the deleted line the order could not take', async () => {
    await demo.signIn()
    const { cart, products: [ordered, gone] } = await cartWith(2)
    await deleteProduct(gone!.id)
    const methods = (await demo.call('/shipping-methods/')).body as Array<{ id: number }>
    const placed = await demo.call('/orders/', {
      method: 'POST',
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: { shipping_address: ADDRESS, shipping_method_id: methods[0]!.id, payment_token: 'tok_visa' },
    })
    expect(placed.status).toBe(201)
    const taken = (placed.body as { items: Array<{ product_id: number, variant_id: number | null }> }).items
    expect(taken.map(item => item.product_id)).toEqual([ordered!.id])
    // What the checkout does once the order is placed: tells the cart what the order took, and loads it.
    demo.backend.stats.reset()
    cart.orderPlaced(taken.map(item => ({ productId: item.product_id, variantId: item.variant_id })))
    await cart.refresh()
    expect(cart.lines.value).toEqual([])
    await vi.waitFor(() => expect(cart.gone.value.map(line => line.title)).toEqual([gone!.title]))
    await settle()
    expect(noLonger()).toEqual([sentence(gone!.title)])
    // Only the line the order did not take was looked up in the catalog.
    expect(demo.backend.stats.snapshot().routes['GET /products/{id}/']).toBe(1)
  })
})
