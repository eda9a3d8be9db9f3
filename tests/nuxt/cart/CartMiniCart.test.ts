import { describe, expect, it, vi } from 'vitest'
import CartHeaderButton from '~/components/cart/CartHeaderButton.vue'
import { createCartBackend, serveCart } from '../../support/cartBackend'
import { apiError } from '../../support/fakeApi'
import { mountInNuxt } from '../../support/nuxt'
import { useFakeApi } from '../../support/useFakeApi'

// The header's cart button and its mini-cart, as a keyboard and screen reader user meets them.
const fake = useFakeApi()

async function header() {
  const backend = createCartBackend([
    { id: 1, productId: 10, variantId: null, quantity: 2, unitCents: 1000, stock: 8 },
    { id: 2, productId: 20, variantId: 201, quantity: 1, unitCents: 500, stock: 0 },
  ])
  serveCart(fake.current, backend, [1, 2])
  document.cookie = 'sf_cart=1; path=/'
  const wrapper = await mountInNuxt(CartHeaderButton, { attachTo: document.body, route: '/products' })
  const button = () => wrapper.get('button[aria-controls]')
  await vi.waitFor(() => expect(button().text()).toContain('Cart, 3 items'))
  return { wrapper, button }
}

describe('the mini-cart', () => {
  it('is a button named with the count, its badge hidden from screen readers, after one request', async () => {
    const { button } = await header()
    expect(button().attributes('aria-expanded')).toBe('false')
    expect(button().get('.header-badge').attributes('aria-hidden')).toBe('true')
    expect(fake.current.callsTo('/cart/', 'GET')).toHaveLength(1)
  })

  it('opens as a dialog labelled by its heading, takes focus, and lists lines, subtotal and the ways on', async () => {
    const { wrapper, button } = await header()
    await button().trigger('click')
    const dialog = wrapper.get('[role="dialog"]')
    expect(button().attributes('aria-expanded')).toBe('true')
    expect(button().attributes('aria-controls')).toBe(dialog.attributes('id'))
    const heading = wrapper.get(`[id="${dialog.attributes('aria-labelledby')}"]`)
    expect(heading.text()).toBe('Your cart, 3 items')
    await vi.waitFor(() => expect(document.activeElement).toBe(heading.element))
    const lines = dialog.findAll('li')
    expect(lines.map(l => l.text())).toEqual([
      expect.stringMatching(/Product 10.*Quantity 2.*\$20\.00/),
      expect.stringMatching(/Product 20.*Quantity 1.*Sold out.*\$5\.00/),
    ])
    expect(dialog.text()).toContain('Subtotal$25.00')
    // A sold-out line: the way on is the cart, where it can be changed, not a checkout that could not place the order.
    expect(dialog.findAll('a').filter(a => ['View cart', 'Checkout'].includes(a.text())).map(a => a.attributes('href'))).toEqual(['/cart'])
    expect(dialog.text()).toContain('Change the flagged items in your cart to check out.')
  })

  it('closes on Escape with focus back on the button, and on a click outside', async () => {
    const { wrapper, button } = await header()
    await button().trigger('click')
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    await vi.waitFor(() => expect(wrapper.find('[role="dialog"]').exists()).toBe(false))
    expect(document.activeElement).toBe(button().element)
    expect(button().attributes('aria-expanded')).toBe('false')

    await button().trigger('click')
    expect(wrapper.find('[role="dialog"]').exists()).toBe(true)
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }))
    await vi.waitFor(() => expect(wrapper.find('[role="dialog"]').exists()).toBe(false))
  })

  it('after "Try again" has the focus on its heading, not lost with the sentence "Try again" was in', async () => {
    const backend = createCartBackend([{ id: 1, productId: 10, variantId: null, quantity: 1, unitCents: 1000, stock: 8 }])
    serveCart(fake.current, backend, [1])
    fake.current.on('GET', '/cart/', apiError(503, 'Down.'), () => backend.dto())
    document.cookie = 'sf_cart=1; path=/'
    const wrapper = await mountInNuxt(CartHeaderButton, { attachTo: document.body, route: '/products' })
    await vi.waitFor(() => expect(wrapper.find('button[aria-controls]').exists()).toBe(true))
    await wrapper.get('button[aria-controls]').trigger('click')
    const retry = await vi.waitFor(() => {
      const found = wrapper.findAll('[role="dialog"] button').find(b => b.text() === 'Try again')
      if (!found) throw new Error('no "Try again"')
      return found.element as HTMLButtonElement
    })
    retry.focus()
    retry.click()
    await vi.waitFor(() => expect(wrapper.get('[role="dialog"]').text()).toContain('Product 10'))
    expect(document.activeElement).toBe(wrapper.get('[role="dialog"] h2').element)
  })

  it('says the cart is empty and leads back to shopping, without asking a guest who has no cart', async () => {
    document.cookie = 'sf_cart=; path=/; max-age=0'
    const wrapper = await mountInNuxt(CartHeaderButton, { attachTo: document.body, route: '/' })
    await vi.waitFor(() => expect(wrapper.find('button[aria-controls]').exists()).toBe(true))
    await wrapper.get('button[aria-controls]').trigger('click')
    const dialog = wrapper.get('[role="dialog"]')
    expect(dialog.text()).toContain('Your cart is empty.')
    expect(dialog.get('a').text()).toBe('Continue shopping')
    expect(fake.current.calls).toHaveLength(0)
  })
})
