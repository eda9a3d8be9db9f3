import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startCart } from '~/composables/cart/cartRuntime'
import ProductPurchasePanel from '~/components/product/ProductPurchasePanel.vue'
import type { ProductDetailDto } from '~/services/dto'
import { toProductDetail } from '~/services/mappers/product'
import { productPath } from '~/utils/routes/paths'
import { createDemoApi, type DemoApi } from '../../support/demoApi'
import { installApi } from '../../support/installedApi'
import { mountComposable, mountInNuxt } from '../../support/nuxt'
import { freshStores } from '../../support/stores'

// "Add to cart" on a product page refused for want of stock while the cart already holds some of it: the backend
// weighs the cart's units plus the addition against the stock (the demo's POST /cart/items/, as a shop must).
let demo: DemoApi

beforeEach(() => {
  demo = createDemoApi()
  installApi(demo.api)
  freshStores()
  localStorage.clear()
})
afterEach(() => {
  installApi(null)
  document.body.replaceChildren()
})

async function productWithStock(stock: number) {
  const record = demo.backend.db.products.find(p => !p.variants && p.stock >= stock)!
  record.stock = stock
  const { body } = await demo.call(`/products/${record.id}/`)
  return toProductDetail(body as ProductDetailDto, html => html)
}

describe('a refused addition with some already in the cart', () => {
  it('lowers the quantity to what can still be added, says so, and the next press is taken', async () => {
    const product = await productWithStock(5)
    const { result: cart } = await mountComposable(() => startCart())
    await cart.add({ productId: product.id, variantId: null, quantity: 3 })
    const panel = await mountInNuxt(ProductPurchasePanel, {
      props: { product, addToCart: cart.add },
      attachTo: document.body,
      route: productPath(product),
    })
    const field = () => panel.get<HTMLInputElement>('input[type="number"]')
    const addButton = () => panel.findAll('button').find(b => b.text() === 'Add to cart')!
    await field().setValue('4')
    await field().trigger('change')

    await addButton().trigger('click')
    await vi.waitFor(() => expect(panel.text()).toContain('Only 5 left in stock and your cart has 3, so you can add 2 more.'))
    expect(field().element.value).toBe('2')

    await addButton().trigger('click')
    await vi.waitFor(() => expect(cart.itemCount.value).toBe(5))
    expect(panel.text()).not.toContain('so you can add')
  })

  it('says the cart already has all there is when nothing more can be added', async () => {
    const product = await productWithStock(2)
    const { result: cart } = await mountComposable(() => startCart())
    await cart.add({ productId: product.id, variantId: null, quantity: 2 })
    const panel = await mountInNuxt(ProductPurchasePanel, { props: { product, addToCart: cart.add }, attachTo: document.body, route: productPath(product) })

    await panel.findAll('button').find(b => b.text() === 'Add to cart')!.trigger('click')
    await vi.waitFor(() => expect(panel.text()).toContain('Your cart already has all 2 in stock.'))
    expect(panel.get<HTMLInputElement>('input[type="number"]').element.value).toBe('1')
    expect(cart.itemCount.value).toBe(2)
  })
})
