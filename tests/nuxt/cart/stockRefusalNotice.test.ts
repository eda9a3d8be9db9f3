import { describe, expect, it, vi } from 'vitest'
import CartHeaderButton from '~/components/cart/CartHeaderButton.vue'
import { ApiError } from '~/composables/core/api/ApiError'
import { useCartQuickAdd } from '~/composables/cart/useCartQuickAdd'
import { createCartBackend, serveCart } from '../../support/cartBackend'
import { apiError } from '../../support/fakeApi'
import { mountComposable, mountInNuxt } from '../../support/nuxt'
import { useFakeApi } from '../../support/useFakeApi'

// An addition refused for want of stock (409 with `available`, as DRF sends it): the same request again would be
// refused the same way, so the "Not added" notice says how many the cart can hold and offers no "Try again" (as a
// cart line clamped by a refusal offers none). Any other refusal keeps it.
const fake = useFakeApi()

async function page() {
  serveCart(fake.current, createCartBackend([]), [])
  await mountInNuxt(CartHeaderButton, { attachTo: document.body, route: '/products' })
  const { result: quickAdd } = await mountComposable(() => useCartQuickAdd())
  const notice = () => document.querySelector<HTMLElement>('section.cart-notice')
  const control = (name: string) => [...notice()?.querySelectorAll<HTMLElement>('a, button') ?? []].find(el => el.textContent?.trim() === name)
  return { quickAdd, notice, control }
}

const refused = (available: string) => new ApiError({
  status: 409, code: 'out_of_stock', message: `Only ${available} left in stock.`, fieldErrors: {}, retryable: false, extras: { available },
})

describe('the "added" notice after a stock refusal', () => {
  it('says how many the cart can hold and offers no "Try again" of the same request', async () => {
    const { quickAdd, notice, control } = await page()
    fake.current.on('POST', '/cart/items/', refused('14'))
    await quickAdd.add(30)
    await vi.waitFor(() => expect(notice()?.getAttribute('aria-label')).toBe('Not added to your cart'))
    expect(notice()!.textContent).toContain('Only 14 left in stock, so your cart can hold at most 14.')
    expect(control('Try again')).toBeUndefined()
    expect(fake.current.callsTo('/cart/items/', 'POST')).toHaveLength(1)

    // A refusal that may pass next time still offers it.
    fake.current.on('POST', '/cart/items/', apiError(429, 'Too many requests.'))
    await quickAdd.add(31)
    await vi.waitFor(() => expect(notice()!.textContent).toContain('Too many requests.'))
    expect(control('Try again')).toBeDefined()
  })
})
