import { afterEach, describe, expect, it, vi } from 'vitest'
import CartHeaderButton from '~/components/cart/CartHeaderButton.vue'
import { useCartQuickAdd } from '~/composables/cart/useCartQuickAdd'
import { createCartBackend, serveCart } from '../../support/cartBackend'
import { apiError } from '../../support/fakeApi'
import { mountComposable, mountInNuxt } from '../../support/nuxt'
import { useFakeApi } from '../../support/useFakeApi'

// How long the notice after "Add to cart" stays: an addition goes by itself after a few seconds, a failure stays
// (its "Try again" must not vanish before a shopper who reads or tabs slowly reaches it) until it is dismissed.
const fake = useFakeApi()
afterEach(() => void vi.useRealTimers())

async function page() {
  serveCart(fake.current, createCartBackend([]), [])
  await mountInNuxt(CartHeaderButton, { attachTo: document.body, route: '/products' })
  const { result: quickAdd } = await mountComposable(() => useCartQuickAdd())
  const notice = () => document.querySelector<HTMLElement>('section.cart-notice')
  return { quickAdd, notice }
}

describe('the notice after "Add to cart"', () => {
  it('goes by itself after an addition', async () => {
    const { quickAdd, notice } = await page()
    vi.useFakeTimers()
    await quickAdd.add(7)
    await vi.waitFor(() => expect(notice()?.getAttribute('aria-label')).toBe('Added to your cart'))
    await vi.advanceTimersByTimeAsync(4_000)
    expect(notice()).not.toBeNull()
    await vi.advanceTimersByTimeAsync(2_000)
    await vi.waitFor(() => expect(notice()).toBeNull())
  })

  it('stays after a failure, with its "Try again", until it is closed', async () => {
    const { quickAdd, notice } = await page()
    fake.current.on('POST', '/cart/items/', apiError(429, 'Too many requests.'))
    vi.useFakeTimers()
    await quickAdd.add(7)
    await vi.waitFor(() => expect(notice()?.getAttribute('aria-label')).toBe('Not added to your cart'))
    await vi.advanceTimersByTimeAsync(60_000)
    vi.useRealTimers()
    expect(notice()?.textContent).toContain('Too many requests.')
    const tryAgain = [...notice()!.querySelectorAll('button')].find(button => button.textContent?.trim() === 'Try again')
    expect(tryAgain).toBeDefined()

    notice()!.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click()
    await vi.waitFor(() => expect(notice()).toBeNull())
  })
})
