import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import CartLineItem from '~/components/cart/CartLineItem.vue'
import CartSummary from '~/components/cart/CartSummary.vue'
import { useCart } from '~/composables/cart/useCart'
import { createCartBackend, serveCart } from '../../support/cartBackend'
import { apiError } from '../../support/fakeApi'
import { mountInNuxt } from '../../support/nuxt'
import { useFakeApi } from '../../support/useFakeApi'

// A cart line on the cart page, with its stepper, against a backend that answers like the contract says.
const fake = useFakeApi()

const Lines = defineComponent({
  setup() {
    const cart = useCart()
    return () => h('ul', cart.lines.value.map(line => h(CartLineItem, { key: line.id, line })))
  },
})

/** The cart page's lines for a cart of one line of Product 10 ($2.50 each), loaded and shown. */
async function showLine(line: { quantity: number, stock: number }) {
  const backend = createCartBackend([{ id: 1, productId: 10, variantId: null, unitCents: 250, ...line }])
  serveCart(fake.current, backend, [1])
  document.cookie = 'sf_cart=1; path=/'
  const wrapper = await mountInNuxt(Lines)
  await useCart().ensureLoaded()
  await vi.waitFor(() => expect(wrapper.find('li').exists()).toBe(true))
  return { backend, wrapper }
}

describe('CartLineItem', () => {
  it('adds up presses that come faster than the page re-renders, and ends at the backend\'s total', async () => {
    const { backend, wrapper } = await showLine({ quantity: 1, stock: 40 })
    const plus = wrapper.findAll('button').find(b => b.text() === '+Increase quantity of Product 10')!
    // Ten clicks in one task: no re-render between them.
    for (let i = 0; i < 10; i++) (plus.element as HTMLButtonElement).click()
    await vi.waitFor(() => expect(wrapper.text()).toContain('$27.50'))
    expect((wrapper.get('input').element as HTMLInputElement).value).toBe('11')
    expect(backend.lines()[0]!.quantity).toBe(11)
    expect(fake.current.callsTo('/cart/items/1/', 'PATCH')).toHaveLength(1)
  })

  it('shows a price that changed since the line arrived until the shopper says OK', async () => {
    const backend = createCartBackend([{ id: 1, productId: 10, variantId: null, quantity: 1, unitCents: 250, stock: 40 }])
    serveCart(fake.current, backend, [1])
    document.cookie = 'sf_cart=1; path=/'
    const wrapper = await mountInNuxt(Lines)
    const cart = useCart()
    await cart.ensureLoaded()
    backend.setPrice(1, 300)
    await cart.refresh()
    await vi.waitFor(() => expect(wrapper.text()).toContain('Price changed since you added it: was $2.50, now $3.00.'))
    await wrapper.findAll('button').find(b => b.text().startsWith('OK'))!.trigger('click')
    expect(wrapper.text()).not.toContain('Price changed')
  })

  it('keeps the focus on the line when "OK" or "Dismiss" goes with its sentence', async () => {
    const backend = createCartBackend([{ id: 1, productId: 30, variantId: null, quantity: 1, unitCents: 250, stock: 40 }])
    serveCart(fake.current, backend, [1])
    document.cookie = 'sf_cart=1; path=/'
    const wrapper = await mountInNuxt(Lines, { attachTo: document.body })
    const cart = useCart()
    await cart.ensureLoaded()
    backend.setPrice(1, 300)
    await cart.refresh()
    const title = () => wrapper.get('li h2 a').element
    const button = (name: RegExp) => {
      const found = wrapper.findAll('button').find(b => name.test(b.text()))
      if (!found) throw new Error(`no button ${name}`)
      return found.element as HTMLButtonElement
    }
    const ok = await vi.waitFor(() => button(/^OK$/))
    ok.focus()
    ok.click()
    await vi.waitFor(() => expect(document.activeElement).toBe(title()))

    // A refused change: its message's "Dismiss".
    fake.current.on('PATCH', '/cart/items/1/', apiError(503, 'Service temporarily unavailable.'))
    await cart.setQuantity(1, 3).catch(() => {})
    const dismiss = await vi.waitFor(() => button(/^Dismiss/))
    dismiss.focus()
    dismiss.click()
    await vi.waitFor(() => expect(document.activeElement).toBe(title()))
  })

  it('flags lines the backend says are not available in their quantity, and holds checkout back until they change', async () => {
    const backend = createCartBackend([
      { id: 1, productId: 10, variantId: null, quantity: 4, unitCents: 250, stock: 2 },
      { id: 2, productId: 20, variantId: null, quantity: 1, unitCents: 100, stock: 0 },
    ])
    serveCart(fake.current, backend, [1, 2])
    document.cookie = 'sf_cart=1; path=/'
    const Page = defineComponent({ setup: () => () => h('div', [h(Lines), h(CartSummary)]) })
    const wrapper = await mountInNuxt(Page)
    await useCart().ensureLoaded()
    await vi.waitFor(() => expect(wrapper.findAll('li')).toHaveLength(2))
    const [low, gone] = wrapper.findAll('li')
    expect(low!.text()).toContain('Only 2 left: lower the quantity to check out.')
    expect(gone!.text()).toContain('Sold out: remove it to check out.')
    expect(wrapper.find('a[href="/checkout"]').exists()).toBe(false)
    expect(wrapper.get('span[aria-disabled="true"]').text()).toBe('Proceed to checkout')

    await wrapper.findAll('button').find(b => /^Remove\s*Product 20$/.test(b.text()))!.trigger('click')
    const field = low!.get('input')
    await field.setValue('2')
    await field.trigger('blur')
    await vi.waitFor(() => expect(wrapper.find('a[href="/checkout"]').exists()).toBe(true))
    expect(wrapper.text()).not.toContain('to check out.')
  })

  it('says what is in stock, not the quantity held, when the stock fell below it, and "−" lowers it', async () => {
    const { backend, wrapper } = await showLine({ quantity: 3, stock: 2 })
    const button = (name: string) => wrapper.findAll('button').find(b => b.text() === name)!
    const plus = button('+Increase quantity of Product 10')
    expect(wrapper.text()).toContain('Only 2 left: lower the quantity to check out.')
    expect((wrapper.get('input').element as HTMLInputElement).value).toBe('3')
    expect(wrapper.get(`[id="${plus.attributes('aria-describedby')}"]`).text()).toBe('2 in stock')
    expect(wrapper.text()).not.toContain('3 in stock')
    // "+" and leaving the field as it is ask for nothing; "−" takes one off.
    await plus.trigger('click')
    const field = wrapper.get('input')
    await field.trigger('focus')
    await field.trigger('blur')
    expect((field.element as HTMLInputElement).value).toBe('3')
    expect(fake.current.callsTo('/cart/items/1/', 'PATCH')).toHaveLength(0)
    const minus = button('−Decrease quantity of Product 10')
    expect(minus.attributes('aria-disabled')).toBe('false')
    await minus.trigger('click')
    await vi.waitFor(() => expect(wrapper.text()).not.toContain('to check out.'))
    expect(backend.lines()[0]!.quantity).toBe(2)
  })

  it('sends a typed quantity above the stock as the stock, with one message naming it', async () => {
    const { backend, wrapper } = await showLine({ quantity: 1, stock: 76 })
    const field = wrapper.get('input')
    await field.setValue('120')
    await field.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(wrapper.text()).toContain('$190.00'))
    expect(backend.lines()[0]!.quantity).toBe(76)
    expect((field.element as HTMLInputElement).value).toBe('76')
    expect(wrapper.text()).not.toContain('most one line can hold')
    expect(wrapper.text().match(/Only 76 left/g)).toHaveLength(1)
  })

  it('reaches a stock that rose since the cart was read: "+" at the stock it knows reads it again, and stops at the new one', async () => {
    const { backend, wrapper } = await showLine({ quantity: 2, stock: 2 })
    const plus = wrapper.findAll('button').find(b => b.text() === '+Increase quantity of Product 10')!
    const field = wrapper.get('input')
    expect(wrapper.get(`[id="${plus.attributes('aria-describedby')}"]`).text()).toBe('2 in stock')
    expect(plus.attributes('aria-disabled')).toBe('false')
    // Restocked after the cart was read.
    backend.lines()[0]!.stock = 5
    await plus.trigger('click')
    await vi.waitFor(() => expect(backend.lines()[0]!.quantity).toBe(3))
    await vi.waitFor(() => expect((field.element as HTMLInputElement).value).toBe('3'))
    // More than there is now: held to it, said once on the line, and "+" stops there.
    await field.setValue('9')
    await field.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Only 5 left in stock, so your cart can hold at most 5.'))
    await vi.waitFor(() => expect((field.element as HTMLInputElement).value).toBe('5'))
    expect(backend.lines()[0]!.quantity).toBe(5)
    expect(wrapper.text().match(/Only 5 left/g)).toHaveLength(1)
    expect(plus.attributes('aria-disabled')).toBe('true')
    expect(fake.current.callsTo('/cart/items/1/', 'PATCH').map(call => (call.body as { quantity: number }).quantity)).toEqual([3, 5])
  })

  it('takes the stock an addition elsewhere was refused for: the line says it and the stepper is held to it, with no read', async () => {
    const { backend, wrapper } = await showLine({ quantity: 2, stock: 8 })
    const plus = wrapper.findAll('button').find(b => b.text() === '+Increase quantity of Product 10')!
    expect(plus.attributes('aria-describedby'), 'far from the stock: no stock said').toBeUndefined()
    // Sold elsewhere since; "Add to cart" on the product page (or a quick add) is refused with what is left.
    backend.lines()[0]!.stock = 1
    const reads = fake.current.callsTo('/cart/', 'GET').length
    await expect(useCart().add({ productId: 10, variantId: null, quantity: 1 })).rejects.toMatchObject({ status: 409, extras: { available: 1 } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Only 1 left: lower the quantity to check out.'))
    expect(wrapper.get(`[id="${plus.attributes('aria-describedby')}"]`).text()).toBe('1 in stock')
    expect(fake.current.callsTo('/cart/', 'GET'), 'the refusal said it').toHaveLength(reads)
    // A typed 6 is not sent (with the stock of the cart's last answer, 8, it was, and refused): held, and said.
    const field = wrapper.get('input')
    await field.setValue('6')
    await field.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Only 1 left in stock, so your cart can hold at most 1.'))
    expect(fake.current.callsTo('/cart/items/1/', 'PATCH')).toHaveLength(0)
    expect(backend.lines()[0]!.quantity).toBe(2)
  })
})
