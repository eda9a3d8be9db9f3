import { describe, expect, it } from 'vitest'
import {
  cartRequestHeaders, isBffOnlyCartPath, isCartPath, settleCartAnswer, withoutCartToken, type CartRequest,
} from '~/server/utils/cart/tokenPolicy'
import { cookiesAfterMerge } from '~/server/utils/cart/mergeGuestCart'
import type { CartDto } from '~/services/dto'

const guest = (overrides: Partial<CartRequest> = {}): CartRequest => ({ path: '/cart/', guestToken: undefined, hasMarker: false, signedIn: false, ...overrides })

function cart(token: string, quantities: number[]): CartDto {
  return {
    token,
    items: quantities.map((quantity, i) => ({
      id: i + 1, product_id: i + 10, variant_id: null, slug: `p-${i}`, title: `P ${i}`, options: {},
      image: { url: 'https://img.test/p.jpg', alt: '', width: 1, height: 1 },
      unit_price: '1.00', line_total: `${quantity}.00`, quantity, available: 9, in_stock: true,
    })),
    items_count: quantities.reduce((a, b) => a + b, 0),
    subtotal: '0.00',
    currency: 'USD',
  }
}

describe('which calls are cart calls', () => {
  it('covers /cart/ and below however the path is spelled, and nothing else', () => {
    for (const path of ['/cart/', '/cart', '/cart/items/', '/cart/items/7/?x=1', '/CART/', '/%63art/items/']) expect(isCartPath(path), path).toBe(true)
    for (const path of ['/carts/', '/products/', '/orders/', '/wishlist/', '/', '/cartography/']) expect(isCartPath(path), path).toBe(false)
  })

  it('keeps /cart/merge/ for the BFF', () => {
    expect(isBffOnlyCartPath('/cart/merge/')).toBe(true)
    expect(isBffOnlyCartPath('/Cart/Merge')).toBe(true)
    expect(isBffOnlyCartPath('/cart/items/')).toBe(false)
  })
})

describe('cartRequestHeaders', () => {
  it('adds the cookie token to a guest cart call', () => {
    expect(cartRequestHeaders(guest({ guestToken: 'tok-1' }))).toEqual({ 'x-cart-token': 'tok-1' })
  })

  it('adds nothing without a cookie, on a signed-in call, or outside the cart', () => {
    expect(cartRequestHeaders(guest())).toEqual({})
    expect(cartRequestHeaders(guest({ guestToken: 'tok-1', signedIn: true }))).toEqual({})
    expect(cartRequestHeaders(guest({ guestToken: 'tok-1', path: '/orders/' }))).toEqual({})
  })
})

describe('settleCartAnswer', () => {
  it('captures the token of a guest cart with lines, sets the marker and removes the token from the body', () => {
    const settled = settleCartAnswer(guest(), { status: 201, headerToken: 'tok-new', body: cart('tok-new', [2]) })
    expect(settled.cookies).toEqual({ token: { set: 'tok-new' }, marker: 'set' })
    expect(settled.body).not.toHaveProperty('token')
    expect(settled.body).toMatchObject({ items_count: 2 })
  })

  it('takes the header token when the body has none', () => {
    const { token: _t, ...bodyless } = cart('x', [1])
    expect(settleCartAnswer(guest(), { status: 200, headerToken: 'tok-h', body: bodyless }).cookies.token).toEqual({ set: 'tok-h' })
  })

  it('sets no cookie for the empty cart the backend makes up for a guest without one', () => {
    expect(settleCartAnswer(guest(), { status: 200, headerToken: 'tok-x', body: cart('tok-x', []) }).cookies).toEqual({ token: 'keep', marker: 'keep' })
  })

  it('clears the marker when the last line goes, and keeps the token cookie', () => {
    const request = guest({ guestToken: 'tok-1', hasMarker: true })
    expect(settleCartAnswer(request, { status: 200, headerToken: 'tok-1', body: cart('tok-1', []) }).cookies).toEqual({ token: 'keep', marker: 'clear' })
  })

  it('forgets a cookie whose cart the backend no longer knows', () => {
    const request = guest({ guestToken: 'tok-expired', hasMarker: true })
    expect(settleCartAnswer(request, { status: 200, headerToken: 'tok-fresh', body: cart('tok-fresh', []) }).cookies).toEqual({ token: 'clear', marker: 'clear' })
  })

  it('never captures the token of a signed-in user\'s cart, yet keeps the marker true and the token out of the body', () => {
    const request = guest({ signedIn: true, guestToken: 'guest-tok' })
    const settled = settleCartAnswer(request, { status: 200, headerToken: 'user-tok', body: cart('user-tok', [1, 1]) })
    expect(settled.cookies).toEqual({ token: 'keep', marker: 'set' })
    expect(JSON.stringify(settled.body)).not.toContain('user-tok')
  })

  it('leaves the cookies alone on errors and outside the cart, and still strips a token', () => {
    const outOfStock = { detail: 'Only 2 left in stock.', code: 'out_of_stock', available: 2 }
    expect(settleCartAnswer(guest({ guestToken: 't' }), { status: 409, headerToken: null, body: outOfStock })).toEqual({ body: outOfStock, cookies: { token: 'keep', marker: 'keep' } })
    expect(settleCartAnswer(guest({ path: '/orders/' }), { status: 200, headerToken: 'x', body: cart('x', [1]) }).cookies).toEqual({ token: 'keep', marker: 'keep' })
    expect(withoutCartToken({ token: 'secret', a: 1 })).toEqual({ a: 1 })
    expect(withoutCartToken(['token'])).toEqual(['token'])
  })
})

describe('cookiesAfterMerge', () => {
  it('drops the guest cookie once merged and sets the marker from the merged cart', () => {
    expect(cookiesAfterMerge({ state: 'merged', cart: cart('u', [3]) }, false)).toEqual({ token: 'clear', marker: 'set' })
    expect(cookiesAfterMerge({ state: 'merged', cart: cart('u', []) }, true)).toEqual({ token: 'clear', marker: 'clear' })
  })

  it('keeps the guest cookie while the merge is pending, and drops it when the backend refused the token', () => {
    expect(cookiesAfterMerge({ state: 'pending', status: 503, body: {} }, true)).toEqual({ token: 'keep', marker: 'keep' })
    expect(cookiesAfterMerge({ state: 'discarded', status: 400, body: {} }, true)).toEqual({ token: 'clear', marker: 'keep' })
  })
})
