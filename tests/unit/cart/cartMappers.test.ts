import { describe, expect, it } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import { errorFromResponse } from '~/composables/core/api/normalizeError'
import type { BffCartDto, CartItemDto } from '~/services/dto'
import { toCart, toCartItemCreate, toCartItemUpdate } from '~/services/mappers/cart'
import { toCartProblem } from '~/services/mappers/cartProblem'

function item(overrides: Partial<CartItemDto> = {}): CartItemDto {
  return {
    id: 5, product_id: 12, variant_id: 120, slug: '12-blue-mug', title: 'Blue mug', options: { colour: 'Navy', size: 'M' },
    image: { url: 'https://img.test/12.jpg', alt: 'Blue mug', width: 600, height: 600 },
    unit_price: '0.10', line_total: '0.30', quantity: 3, available: 7, in_stock: true,
    ...overrides,
  }
}

const dto: BffCartDto = {
  items: [item(), item({ id: 6, product_id: 13, variant_id: null, options: {}, unit_price: '0.20', line_total: '0.20', quantity: 1, available: 0, in_stock: false })],
  items_count: 4,
  subtotal: '0.50',
  currency: 'USD',
}

describe('cart mappers', () => {
  it('maps the BFF cart to the domain with money in exact minor units and the backend\'s totals', () => {
    const cart = toCart(dto)
    expect(cart.itemCount).toBe(4)
    expect(cart.subtotal).toEqual({ amount: 50, currency: 'USD' })
    expect(cart.mergePending).toBe(false)
    expect(cart.lines[0]).toEqual({
      id: 5, productId: 12, variantId: 120, slug: '12-blue-mug', title: 'Blue mug', options: { colour: 'Navy', size: 'M' },
      image: { url: 'https://img.test/12.jpg', alt: 'Blue mug', width: 600, height: 600 },
      unitPrice: { amount: 10, currency: 'USD' }, lineTotal: { amount: 30, currency: 'USD' }, quantity: 3, available: 7, inStock: true,
    })
    expect(cart.lines[1]).toMatchObject({ variantId: null, options: {}, inStock: false, available: 0 })
    // 0.10 + 0.20 is exactly 30 minor units, not 0.30000000000000004.
    expect(cart.lines[0]!.unitPrice.amount + cart.lines[1]!.unitPrice.amount).toBe(30)
  })

  it('uses the currency\'s own exponent and keeps the merge-pending flag', () => {
    const yen = toCart({ ...dto, currency: 'JPY', subtotal: '1500', items: [item({ unit_price: '500', line_total: '1500' })], merge_pending: true })
    expect(yen.subtotal).toEqual({ amount: 1500, currency: 'JPY' })
    expect(yen.lines[0]!.unitPrice).toEqual({ amount: 500, currency: 'JPY' })
    expect(yen.mergePending).toBe(true)
  })

  it('shows a line whose product has no image (null from a nullable nested serializer) with the placeholder', () => {
    const cart = toCart({ ...dto, items: [item({ image: null as unknown as CartItemDto['image'] })] })
    expect(cart.lines[0]!.image).toMatchObject({ url: expect.stringMatching(/^data:image\/svg\+xml/), alt: '', width: 600, height: 600 })
  })

  it('shares no object with the DTO', () => {
    const cart = toCart(dto)
    cart.lines[0]!.options.colour = 'Red'
    expect(dto.items[0]!.options.colour).toBe('Navy')
  })

  it('builds request bodies in snake_case, leaving an unchosen variant out', () => {
    expect(toCartItemCreate({ productId: 12, variantId: 120, quantity: 2 })).toEqual({ product_id: 12, variant_id: 120, quantity: 2 })
    expect(toCartItemCreate({ productId: 13 })).toEqual({ product_id: 13, quantity: 1 })
    expect(toCartItemCreate({ productId: 13, variantId: null })).toEqual({ product_id: 13, quantity: 1 })
    expect(toCartItemUpdate(4)).toEqual({ quantity: 4 })
  })
})

/** The error a real response becomes in the transport, body and all. */
function fromBody(status: number, body: unknown): ApiError {
  return errorFromResponse(status, JSON.stringify(body), new Headers())
}

describe('cart problems', () => {
  it('turns a 409 with `available` into "only N left", also without a code', () => {
    expect(toCartProblem(fromBody(409, { detail: 'Only 2 left in stock.', code: 'out_of_stock', available: 2 })))
      .toEqual({ kind: 'out-of-stock', available: 2, message: 'Only 2 left in stock, so your cart can hold at most 2.' })
    expect(toCartProblem(fromBody(409, { detail: 'Insufficient stock', available: 1 })))
      .toEqual({ kind: 'out-of-stock', available: 1, message: 'Only 1 left in stock, so your cart can hold at most 1.' })
    expect(toCartProblem(fromBody(409, { detail: 'Gone', available: 0 })))
      .toEqual({ kind: 'out-of-stock', available: 0, message: 'Sorry, this item is sold out.' })
    expect(toCartProblem(fromBody(409, { detail: 'x', code: 'out_of_stock' })))
      .toEqual({ kind: 'out-of-stock', available: null, message: 'There is not enough stock for that quantity.' })
  })

  it('does not take another conflict for a stock problem', () => {
    expect(toCartProblem(fromBody(409, { detail: 'This Idempotency-Key was already used.', code: 'idempotency_key_reused' })))
      .toEqual({ kind: 'failed', retryable: false, message: 'This Idempotency-Key was already used.' })
    expect(toCartProblem(fromBody(409, { detail: 'x', available: -1 }))).toMatchObject({ kind: 'failed' })
  })

  it('explains DRF quantity field errors', () => {
    expect(toCartProblem(fromBody(400, { quantity: ['Ensure this value is less than or equal to 99.'] })))
      .toEqual({ kind: 'invalid-quantity', max: 99, message: 'Please choose a quantity from 1 to 99.' })
    expect(toCartProblem(fromBody(400, { quantity: ['Ensure this value is greater than or equal to 1.'] })))
      .toEqual({ kind: 'invalid-quantity', max: null, message: 'Please choose a quantity from 1 to 99.' })
    expect(toCartProblem(fromBody(400, { quantity: ['A valid integer is required.'] })))
      .toEqual({ kind: 'invalid-quantity', max: null, message: 'Please choose a quantity from 1 to 99.' })
    expect(toCartProblem(fromBody(400, { quantity: ['Too many for one order.'] })))
      .toEqual({ kind: 'invalid-quantity', max: null, message: 'Please choose a quantity from 1 to 99.' })
  })

  it('explains a product or option that no longer exists', () => {
    expect(toCartProblem(fromBody(400, { variant_id: ['Invalid pk "9" - object does not exist.'] })))
      .toMatchObject({ kind: 'unavailable-choice', field: 'variant' })
    expect(toCartProblem(fromBody(400, { product_id: ['Invalid pk "9" - object does not exist.'] })))
      .toMatchObject({ kind: 'unavailable-choice', field: 'product', message: 'This product is no longer available.' })
  })

  it('says a line is gone on 404, and passes anything else on with its retryability', () => {
    expect(toCartProblem(fromBody(404, { detail: 'Not found.' }))).toEqual({ kind: 'line-gone', message: 'That item is no longer in your cart.' })
    const down = fromBody(503, { detail: 'Service temporarily unavailable, try again later.' })
    expect(toCartProblem(down)).toEqual({ kind: 'failed', retryable: true, message: 'Service temporarily unavailable, try again later.' })
    const offline = new ApiError({ status: 0, code: 'network_error', message: 'Could not reach the shop.', fieldErrors: {}, retryable: true })
    expect(toCartProblem(offline)).toEqual({ kind: 'failed', retryable: true, message: 'Could not reach the shop.' })
  })

  it('keeps `available` through serialization, as a store would hold the error', () => {
    const error = fromBody(409, { detail: 'Only 2 left in stock.', code: 'out_of_stock', available: 2 })
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ status: 409, extras: { available: 2 } })
  })
})
