import { describe, expect, it } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import AppHeader from '~/components/common/AppHeader.vue'

// The cart phase binds `cartCount`; these are the states it will drive.
describe('AppHeader cart link', () => {
  async function cartLink(cartCount?: number | null) {
    const wrapper = await mountSuspended(AppHeader, { props: cartCount === undefined ? {} : { cartCount }, route: '/' })
    return wrapper.get('a[href="/cart"]')
  }

  it('shows no badge and is named "Cart" while the count is unknown or zero', async () => {
    for (const count of [undefined, null, 0]) {
      const link = await cartLink(count)
      expect(link.text()).toBe('Cart')
      expect(link.find('[aria-hidden="true"].header-badge').exists()).toBe(false)
    }
  })

  it('names the count for screen readers and shows it in a badge hidden from them', async () => {
    const one = await cartLink(1)
    expect(one.get('.sr-only').text()).toBe('Cart, 1 item')
    const three = await cartLink(3)
    expect(three.get('.sr-only').text()).toBe('Cart, 3 items')
    expect(three.get('.header-badge').attributes('aria-hidden')).toBe('true')
    expect(three.get('.header-badge').text()).toBe('3')
  })

  it('caps the badge at 99+ but says the exact count', async () => {
    const many = await cartLink(120)
    expect(many.get('.header-badge').text()).toBe('99+')
    expect(many.get('.sr-only').text()).toBe('Cart, 120 items')
  })
})
