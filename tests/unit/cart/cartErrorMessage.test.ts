import { describe, expect, it } from 'vitest'
import { cartErrorMessage } from '~/composables/cart/cartErrorMessage'
import { errorFromResponse } from '~/composables/core/api/normalizeError'

// Bodies as a DRF backend answers POST /cart/items/ and PATCH /cart/items/{id}/, through the real normalizer.
const answer = (status: number, body: unknown) =>
  errorFromResponse(status, JSON.stringify(body), new Headers({ 'content-type': 'application/json' }))

describe('cartErrorMessage', () => {
  it('a 400 on quantity (DRF validates 1..99 before stock) asks for a quantity in range', () => {
    const tooMany = answer(400, { quantity: ['Ensure this value is less than or equal to 99.'] })
    expect(cartErrorMessage(tooMany)).toBe('Please choose a quantity from 1 to 99.')
    const none = answer(400, { quantity: ['Ensure this value is greater than or equal to 1.'] })
    expect(cartErrorMessage(none)).toBe('Please choose a quantity from 1 to 99.')
  })

  it('reads an ApiError and the plain data kept in state alike', () => {
    const error = answer(409, { detail: 'Only 3 left in stock.', available: 3 })
    expect(cartErrorMessage(JSON.parse(JSON.stringify(error)))).toBe(cartErrorMessage(error))
  })

  it('a 409 with available says how many are left, with or without a code', () => {
    const coded = answer(409, { detail: 'Only 3 left in stock.', code: 'out_of_stock', available: 3 })
    expect(cartErrorMessage(coded)).toBe('Only 3 left in stock, so your cart can hold at most 3.')
    const bare = answer(409, { detail: 'Not enough stock.', available: 3 })
    expect(cartErrorMessage(bare)).toBe('Only 3 left in stock, so your cart can hold at most 3.')
  })

  it('a 409 with nothing left says sold out; without `available` the backend\'s sentence stays', () => {
    expect(cartErrorMessage(answer(409, { detail: 'This item is out of stock.', code: 'out_of_stock', available: 0 }))).toBe('Sorry, this item is sold out.')
    expect(cartErrorMessage(answer(409, { detail: 'This line changed meanwhile.' }))).toBe('This line changed meanwhile.')
  })

  it('names a variant or product that no longer exists', () => {
    expect(cartErrorMessage(answer(400, { variant_id: ['Invalid pk "9" - object does not exist.'] }))).toBe('That option is no longer available. Please choose another one.')
    expect(cartErrorMessage(answer(400, { product_id: ['Invalid pk "9" - object does not exist.'] }))).toBe('This product is no longer available.')
  })

  it('a line that is gone (DRF\'s stock 404) says so', () => {
    expect(cartErrorMessage(answer(404, { detail: 'Not found.' }))).toBe('That item is no longer in your cart.')
  })

  it('anything else reads as the transport said it, e.g. DRF\'s throttling with its wait', () => {
    const throttled = errorFromResponse(429, JSON.stringify({ detail: 'Request was throttled. Expected available in 8 seconds.' }), new Headers({ 'retry-after': '8' }))
    expect(cartErrorMessage(throttled)).toBe('Too many requests. Please wait 8 seconds and try again.')
    expect(cartErrorMessage(throttled.toJSON())).toBe('Too many requests. Please wait 8 seconds and try again.')
  })
})
