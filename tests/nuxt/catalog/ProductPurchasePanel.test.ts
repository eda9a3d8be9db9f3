import { describe, expect, it, vi } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import type { VueWrapper } from '@vue/test-utils'
import { useRouter } from '#imports'
import ProductPurchasePanel from '~/components/product/ProductPurchasePanel.vue'
import { errorFromResponse } from '~/composables/core/api/normalizeError'
import type { ProductDetail, PurchaseLine } from '~/services/domain/product'
import { productPath } from '~/utils/routes/paths'
import { MAX_LINE_QUANTITY } from '~/services/domain/cartLine'

const TEE_PAGE = productPath({ id: 5, slug: 'tee' })

const usd = (amount: number) => ({ amount, currency: 'USD' })
const product: ProductDetail = {
  id: 5, slug: 'tee', title: 'Tee', price: usd(2000), compareAtPrice: null,
  image: { url: '/a.svg', alt: 'Tee', width: 600, height: 600 }, rating: 4, reviewsCount: 2, inStock: true,
  brand: { slug: 'acme', name: 'Acme' }, category: { slug: 'tees', name: 'Tees' },
  descriptionHtml: '', images: [], attributes: [], stock: 7, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  variants: [
    { id: 51, sku: 'B-S', options: { colour: 'Black', size: 'S' }, price: usd(2000), inStock: true },
    { id: 52, sku: 'B-M', options: { colour: 'Black', size: 'M' }, price: usd(2200), inStock: false },
    { id: 53, sku: 'W-M', options: { colour: 'White', size: 'M' }, price: usd(2100), inStock: true },
  ],
}

/** The message the add-to-cart button is described by after a failure. */
function failureFor(wrapper: VueWrapper) {
  const add = wrapper.findAll('button').find(b => b.text() === 'Add to cart')!
  return wrapper.get(`[id="${add.attributes('aria-describedby')}"]`)
}

describe('ProductPurchasePanel', () => {
  it('asks for every option first, then names the variant in the URL and shows its price', async () => {
    const wrapper = await mountSuspended(ProductPurchasePanel, { props: { product, addToCart: vi.fn() }, route: TEE_PAGE })
    const button = wrapper.get('button[aria-describedby]')
    expect(button.attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('Choose colour and size first.')

    await wrapper.get('input[value="White"]').trigger('change')
    expect(wrapper.text()).toContain('Choose size first.')
    await wrapper.get('input[value="M"]').trigger('change')
    await vi.waitFor(() => expect(useRouter().currentRoute.value.query.variant).toBe('53'))
    expect(wrapper.text()).toContain('$21.00')
  })

  it('shows "From" the lowest price until a variant is chosen when the variants cost different amounts', async () => {
    // The product's own price ($20.00 here, as usual the cheapest) read as the price of every size, the dearer too.
    const dearer = { ...product, price: usd(1900), variants: product.variants.map(v => ({ ...v, price: usd(v.id === 51 ? 2500 : 2000) })) }
    const wrapper = await mountSuspended(ProductPurchasePanel, { props: { product: dearer, addToCart: vi.fn() }, route: TEE_PAGE })
    const text = () => wrapper.text().replace(/\s+/g, ' ')
    expect(text()).toContain('From $20.00')
    expect(text()).not.toContain('$19.00')
    await wrapper.get('input[value="Black"]').trigger('change')
    await wrapper.get('input[value="S"]').trigger('change')
    await vi.waitFor(() => expect(text()).toContain('$25.00'))
    expect(text()).not.toContain('From')
  })

  it('shows the variants\' price when they all cost the same, not the product\'s own', async () => {
    // A backend whose product price is a list price while every size sells for $18: the page said $20.00.
    const allAt18 = { ...product, variants: product.variants.map(v => ({ ...v, price: usd(1800) })) }
    const wrapper = await mountSuspended(ProductPurchasePanel, { props: { product: allAt18, addToCart: vi.fn() }, route: TEE_PAGE })
    const text = () => wrapper.text().replace(/\s+/g, ' ')
    expect(text()).toContain('$18.00')
    expect(text()).not.toContain('$20.00')
    expect(text()).not.toContain('From')
  })

  it('shows the "was" price beside the product\'s own price before and after a variant at that price is chosen, never beside "From"', async () => {
    // It vanished once a size was chosen, though the size cost the same sale price.
    const onSale = { ...product, compareAtPrice: usd(3000), variants: product.variants.map(v => ({ ...v, price: usd(2000) })) }
    const wrapper = await mountSuspended(ProductPurchasePanel, { props: { product: onSale, addToCart: vi.fn() }, route: TEE_PAGE })
    const was = () => wrapper.find('s')
    expect(was().exists() && was().text().replace(/\s+/g, ' ')).toBe('was $30.00')
    await wrapper.get('input[value="Black"]').trigger('change')
    await wrapper.get('input[value="S"]').trigger('change')
    await vi.waitFor(() => expect(useRouter().currentRoute.value.query.variant).toBe('51'))
    expect(was().exists() && was().text().replace(/\s+/g, ' ')).toBe('was $30.00')

    // Sizes priced apart: "From $20.00" has no "was" (it is not true of the dearer ones), nor has a dearer size.
    const apart = { ...onSale, variants: product.variants }
    const ranged = await mountSuspended(ProductPurchasePanel, { props: { product: apart, addToCart: vi.fn() }, route: TEE_PAGE })
    expect(ranged.text()).toContain('From')
    expect(ranged.find('s').exists()).toBe(false)
    const dearer = await mountSuspended(ProductPurchasePanel, { props: { product: apart, addToCart: vi.fn() }, route: `${TEE_PAGE}?variant=53` })
    expect(dearer.text()).toContain('$21.00')
    expect(dearer.find('s').exists()).toBe(false)
  })

  it('is in stock while any variant is, whatever the product\'s own flag says, and sold out when none is', async () => {
    const stale = { ...product, inStock: false, stock: 0 }
    const available = await mountSuspended(ProductPurchasePanel, { props: { product: stale, addToCart: vi.fn() }, route: TEE_PAGE })
    expect(available.text()).toContain('In stock')
    expect(available.text()).not.toContain('sold out')
    const none = { ...product, inStock: true, variants: product.variants.map(v => ({ ...v, inStock: false })) }
    const soldOut = await mountSuspended(ProductPurchasePanel, { props: { product: none, addToCart: vi.fn() }, route: TEE_PAGE })
    expect(soldOut.text()).toContain('This item is sold out.')
  })

  it('hands the chosen line to the cart handler', async () => {
    const addToCart = vi.fn<(line: PurchaseLine) => Promise<void>>().mockResolvedValue()
    const wrapper = await mountSuspended(ProductPurchasePanel, { props: { product, addToCart }, route: `${TEE_PAGE}?variant=51` })
    await wrapper.get('button[aria-label="Increase quantity"]').trigger('click')
    const add = wrapper.findAll('button').find(b => b.text() === 'Add to cart')!
    expect(add.attributes('disabled')).toBeUndefined()
    await add.trigger('click')
    expect(addToCart).toHaveBeenCalledWith({ productId: 5, variantId: 51, quantity: 2 })
  })

  it('stays disabled, with a reason, for a sold-out variant or without a cart handler', async () => {
    const soldOut = await mountSuspended(ProductPurchasePanel, { props: { product, addToCart: vi.fn() }, route: `${TEE_PAGE}?variant=52` })
    expect(soldOut.text()).toContain('This item is sold out.')
    const noCart = await mountSuspended(ProductPurchasePanel, { props: { product }, route: `${TEE_PAGE}?variant=51` })
    expect(noCart.text()).toContain('Adding to the cart is not available yet.')
    expect(noCart.findAll('button').find(b => b.text() === 'Add to cart')!.attributes('disabled')).toBeDefined()
  })

  it('shows a failed add next to the button, which it describes', async () => {
    const addToCart = vi.fn().mockRejectedValue(new Error('boom'))
    const wrapper = await mountSuspended(ProductPurchasePanel, { props: { product, addToCart }, route: `${TEE_PAGE}?variant=51` })
    await wrapper.findAll('button').find(b => b.text() === 'Add to cart')!.trigger('click')
    await vi.waitFor(() => expect(failureFor(wrapper).text()).toContain('Could not add to the cart'))
  })

  it('explains a 400 on quantity and a 409 out of stock from a DRF backend', async () => {
    const reply = (status: number, body: unknown) => errorFromResponse(status, JSON.stringify(body), new Headers({ 'content-type': 'application/json' }))
    const addToCart = vi.fn()
      .mockRejectedValueOnce(reply(400, { quantity: ['Ensure this value is less than or equal to 99.'] }))
      .mockRejectedValueOnce(reply(409, { detail: 'Only 1 left in stock.', available: 1 }))
    const wrapper = await mountSuspended(ProductPurchasePanel, { props: { product, addToCart }, route: '/products/5-tee?variant=51' })
    const add = () => wrapper.findAll('button').find(b => b.text() === 'Add to cart')!.trigger('click')
    await add()
    await vi.waitFor(() => expect(failureFor(wrapper).text()).toBe('Please choose a quantity from 1 to 99.'))
    await add()
    await vi.waitFor(() => expect(failureFor(wrapper).text()).toBe('Only 1 left in stock, so your cart can hold at most 1.'))
  })

  it('never offers more than 99 of one item, however much is in stock', async () => {
    const plenty = { ...product, variants: [], stock: 500 }
    const wrapper = await mountSuspended(ProductPurchasePanel, { props: { product: plenty, addToCart: vi.fn() }, route: '/products/5-tee' })
    expect(wrapper.get('input[type="number"]').attributes('max')).toBe(String(MAX_LINE_QUANTITY))
  })

  // The API tells a variant's in_stock, not its count: the first refusal says it, and the field follows it from then.
  it('lowers a variant\'s quantity to what a stock refusal says is left, says so beside the field, and keeps other variants apart', async () => {
    const reply = errorFromResponse(409, JSON.stringify({ detail: 'Only 14 left in stock.', code: 'out_of_stock', available: '14' }), new Headers({ 'content-type': 'application/json' }))
    const addToCart = vi.fn<(line: PurchaseLine) => Promise<void>>().mockRejectedValueOnce(reply).mockResolvedValue()
    const wrapper = await mountSuspended(ProductPurchasePanel, { props: { product, addToCart }, route: `${TEE_PAGE}?variant=53` })
    const field = () => wrapper.get('input[type="number"]')
    const note = () => wrapper.get(`[id="${field().attributes('aria-describedby')}"]`)
    await field().setValue('99')
    await field().trigger('change')
    expect((field().element as HTMLInputElement).value).toBe('99')
    expect(note().text()).toBe('')

    await wrapper.findAll('button').find(b => b.text() === 'Add to cart')!.trigger('click')
    await vi.waitFor(() => expect((field().element as HTMLInputElement).value).toBe('14'))
    expect(field().attributes('max')).toBe('14')
    expect(note().text()).toBe('Only 14 left.')
    expect(note().attributes('aria-live')).toBe('polite')
    await field().setValue('20')
    await field().trigger('change')
    expect((field().element as HTMLInputElement).value).toBe('14')

    // What the refusal said is of White / M only.
    await useRouter().replace(`${TEE_PAGE}?variant=51`)
    await vi.waitFor(() => expect(field().attributes('max')).toBe(String(MAX_LINE_QUANTITY)))
    expect(note().text()).toBe('')
    await useRouter().replace(`${TEE_PAGE}?variant=53`)
    await vi.waitFor(() => expect(field().attributes('max')).toBe('14'))
    await wrapper.findAll('button').find(b => b.text() === 'Add to cart')!.trigger('click')
    expect(addToCart).toHaveBeenLastCalledWith({ productId: 5, variantId: 53, quantity: 14 })
  })

  it('without variants, lowers a typed quantity above the stock to it and says so beside the field', async () => {
    const plain = { ...product, variants: [], stock: 38 }
    const wrapper = await mountSuspended(ProductPurchasePanel, { props: { product: plain, addToCart: vi.fn() }, route: '/products/5-tee' })
    const field = wrapper.get('input[type="number"]')
    const note = () => wrapper.get(`[id="${field.attributes('aria-describedby')}"]`)
    expect(note().text()).toBe('')
    await field.setValue('500')
    await field.trigger('change')
    expect((field.element as HTMLInputElement).value).toBe('38')
    expect(note().text()).toBe('Only 38 left.')
    // Typed over again while already at the stock: the field shows the stock, not what was typed.
    await field.setValue('500')
    await field.trigger('change')
    expect((field.element as HTMLInputElement).value).toBe('38')
  })
})
