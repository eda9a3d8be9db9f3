import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import AppHeader from '~/components/common/AppHeader.vue'

// The cart's control comes from the cart (app.vue fills the slot: tests/nuxt/cart/CartHeaderButton.test.ts).
describe('AppHeader', () => {
  it('puts the cart and wishlist controls it is given next to the account control', async () => {
    const wrapper = await mountSuspended(AppHeader, {
      route: '/',
      slots: { cart: () => h('a', { href: '/cart' }, 'Cart'), wishlist: () => h('a', { href: '/wishlist' }, 'Wishlist') },
    })
    const actions = wrapper.get('.app-header-actions')
    expect(actions.findAll('a').map(a => a.text())).toEqual(['Wishlist', 'Sign in', 'Cart'])
  })
})
