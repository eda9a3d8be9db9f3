import { afterEach, describe, expect, it, vi } from 'vitest'
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

afterEach(() => {
  vi.restoreAllMocks()
})

/**
 * The control hydrating while a mouse button or a finger is down on its link: the press has to end before the
 * link is swapped (tests/e2e/cart/cart-header.spec.ts shows the click a swap mid-press loses).
 */
async function hydratedMidPress() {
  serveCart(fake.current, createCartBackend([]), [])
  document.cookie = 'sf_cart=; path=/'
  const matches = Element.prototype.matches
  vi.spyOn(Element.prototype, 'matches').mockImplementation(function (this: Element, selector: string) {
    return selector === ':active' ? this.matches('a') : matches.call(this, selector)
  })
  const wrapper = await mountInNuxt(CartHeaderButton, { route: '/' })
  expect(wrapper.find('a[href="/cart"]').exists(), 'the link at first').toBe(true)
  return { isLink: () => wrapper.find('a[href="/cart"]').exists(), isButton: () => wrapper.find('button[aria-controls]').exists() }
}

async function afterATask(): Promise<void> {
  await new Promise(resolve => setTimeout(resolve))
  await new Promise(resolve => setTimeout(resolve))
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

  it('stays the link while a mouse button is held on it, even moved', async () => {
    const { isLink, isButton } = await hydratedMidPress()
    window.dispatchEvent(new PointerEvent('pointermove', { buttons: 1 }))
    await afterATask()
    expect(isLink()).toBe(true)
    expect(isButton()).toBe(false)
  })

  it('becomes the mini-cart\'s button once a touch on the link turns into a scroll (pointercancel, no pointerup)', async () => {
    const { isButton } = await hydratedMidPress()
    window.dispatchEvent(new PointerEvent('pointercancel', { pointerType: 'touch' }))
    await vi.waitFor(() => expect(isButton()).toBe(true))
  })

  it('becomes the mini-cart\'s button when the pointer moves with no button down (released outside the window)', async () => {
    const { isButton } = await hydratedMidPress()
    window.dispatchEvent(new PointerEvent('pointermove', { buttons: 0 }))
    await vi.waitFor(() => expect(isButton()).toBe(true))
  })

  it('shows the cart another page of the browser made and left before its answer, once the shopper is back on this one', async () => {
    // This page found no cart (no marker: no request). Another page then made one and was left by a full page load
    // before its answer: its addition landed (kept alive), the marker came with it, and no tab was told.
    const wrapper = await control([])
    expect(wrapper.get('.sr-only').text()).toBe('Cart')
    const gets = () => fake.current.callsTo('/cart/', 'GET').length
    const before = gets()
    expect(before, 'no marker: nothing asked').toBe(0)
    serveCart(fake.current, createCartBackend([line(1, 2)]), [1])
    document.cookie = 'sf_cart=1; path=/'

    window.dispatchEvent(new Event('focus'))
    await vi.waitFor(() => expect(wrapper.get('.sr-only').text()).toBe('Cart, 2 items'))
    expect(gets() - before).toBe(1)
    // Back again: nothing more to ask.
    document.dispatchEvent(new Event('visibilitychange'))
    window.dispatchEvent(new Event('focus'))
    expect(gets() - before).toBe(1)
  })
})
