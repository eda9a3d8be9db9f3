import { describe, expect, it, vi } from 'vitest'
import CartHeaderButton from '~/components/cart/CartHeaderButton.vue'
import { createCartBackend, serveCart, type TestLine } from '../../support/cartBackend'
import { mountInNuxt } from '../../support/nuxt'
import { useFakeApi } from '../../support/useFakeApi'

// The header's cart control: the count in its name for screen readers, a badge hidden from them.
const fake = useFakeApi()

async function control(lines: TestLine[]) {
  serveCart(fake.current, createCartBackend(lines), lines.map(line => line.id))
  document.cookie = `sf_cart=${lines.length ? '1' : ''}; path=/`
  const wrapper = await mountInNuxt(CartHeaderButton, { route: '/' })
  await vi.waitFor(() => expect(wrapper.find('button[aria-controls]').exists()).toBe(true))
  return wrapper
}

const line = (id: number, quantity: number): TestLine => ({ id, productId: id, variantId: null, quantity, unitCents: 100, stock: 99 })

describe('CartHeaderButton', () => {
  it('is named "Cart" without a badge while the cart is empty', async () => {
    const wrapper = await control([])
    const button = wrapper.get('button[aria-controls]')
    expect(button.text()).toBe('Cart')
    expect(button.find('.header-badge').exists()).toBe(false)
  })

  it('names the count for screen readers', async () => {
    const one = await control([line(1, 1)])
    await vi.waitFor(() => expect(one.get('.sr-only').text()).toBe('Cart, 1 item'))
    expect(one.get('.header-badge').text()).toBe('1')
  })

  it('caps the badge at 99+ but says the exact count', async () => {
    const many = await control([line(1, 70), line(2, 50)])
    await vi.waitFor(() => expect(many.get('.sr-only').text()).toBe('Cart, 120 items'))
    expect(many.get('.header-badge').text()).toBe('99+')
    expect(many.get('.header-badge').attributes('aria-hidden')).toBe('true')
  })
})
