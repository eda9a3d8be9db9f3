import { describe, expect, it } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import { errorFromResponse } from '~/composables/core/api/normalizeError'
import { toPlaceOrderAnswer } from '~/services/mappers/placeOrderAnswer'
import type { OrderDto } from '~/services/dto'

// POST /orders/ answers as each backend flavour sends them, through the core's error normalization: the status
// and the body's facts decide, never the `code`.

const ORDER: OrderDto = {
  id: 42,
  number: 'DEMO-100042',
  status: 'paid',
  items: [{ product_id: 7, variant_id: null, title: 'Mug', sku: 'SKU-7', quantity: 2, unit_price: '5.00', line_total: '10.00' }],
  subtotal: '10.00',
  shipping_total: '4.99',
  total: '14.99',
  currency: 'USD',
  shipping_address: { full_name: 'Ada', line1: '1 Way', line2: '', city: 'London', postal_code: 'N1', country: 'GB', phone: '' },
  shipping_method: { id: 1, name: 'Standard', price: '4.99' },
  created_at: '2026-03-01T10:00:00Z',
}

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return toPlaceOrderAnswer(errorFromResponse(status, JSON.stringify(body), new Headers(headers)))
}

describe('placing an order: what each answer means', () => {
  it('django-idempotency-key replays a stored success as 409 with the original body: the order', () => {
    expect(answer(409, ORDER)).toMatchObject({ kind: 'placed', replayed: true, order: { id: 42, number: 'DEMO-100042', total: { amount: 1499, currency: 'USD' } } })
  })

  it('409 with lines: out of stock (demo, with or without a code)', () => {
    const lines = [{ item_id: 3, product_id: 7, variant_id: null, requested: 2, available: 1 }]
    const expected = { kind: 'out-of-stock', lines: [{ lineId: 3, productId: 7, variantId: null, requested: 2, available: 1 }] }
    expect(answer(409, { detail: 'Some items are no longer available.', code: 'out_of_stock', lines })).toMatchObject(expected)
    expect(answer(409, { detail: 'Not enough stock.', lines })).toMatchObject(expected)
  })

  it('409 with neither: busy (IETF draft: the first request is still in flight; demo: key used with another body)', () => {
    expect(answer(409, { detail: 'A request with this key is being processed.' })).toMatchObject({ kind: 'busy', retryAfterMs: null })
    expect(answer(409, { detail: 'Conflict.' }, { 'retry-after': '2' })).toMatchObject({ kind: 'busy', retryAfterMs: 2000 })
  })

  it('422: the IETF draft\'s key reused with another body', () => {
    expect(answer(422, { detail: 'Idempotency key reused.' }).kind).toBe('key-conflict')
  })

  it('402: declined, with a message that says nothing was charged', () => {
    expect(answer(402, { detail: 'Your card was declined.' })).toMatchObject({ kind: 'declined', message: expect.stringContaining('Nothing was charged') })
  })

  it('400: field errors (DRF nested) or a refusal without fields (an empty cart)', () => {
    expect(answer(400, { shipping_address: { city: ['This field may not be blank.'] } })).toMatchObject({ kind: 'invalid', fieldErrors: { 'shipping_address.city': ['This field may not be blank.'] } })
    expect(answer(400, { detail: 'Your cart is empty.', code: 'cart_empty' })).toMatchObject({ kind: 'rejected', message: 'Your cart is empty.' })
  })

  it('no answer, a gateway error or an unreadable 2xx: lost; a 500: server-error; 401: unauthorized; 429: busy', () => {
    const network = new ApiError({ status: 0, code: 'network_error', message: 'Offline', fieldErrors: {}, retryable: true })
    expect(toPlaceOrderAnswer(network).kind).toBe('lost')
    for (const status of [502, 503, 504]) expect(answer(status, { detail: 'Bad gateway' }).kind).toBe('lost')
    const unreadable = new ApiError({ status: 201, code: 'bad_response', message: 'Odd', fieldErrors: {}, retryable: false })
    expect(toPlaceOrderAnswer(unreadable).kind).toBe('lost')
    expect(answer(500, { detail: 'A server error occurred.' }).kind).toBe('server-error')
    expect(answer(401, { detail: 'Authentication credentials were not provided.' }).kind).toBe('unauthorized')
    expect(answer(429, { detail: 'Request was throttled. Expected available in 3 seconds.' }, { 'retry-after': '3' })).toMatchObject({ kind: 'busy', retryAfterMs: 3000 })
  })

  it('a 409 whose body only looks a little like an order is not taken for one', () => {
    expect(answer(409, { id: 42, detail: 'Conflict' }).kind).toBe('busy')
  })
})
