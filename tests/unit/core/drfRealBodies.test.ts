import { readFileSync } from 'node:fs'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import type { HttpMethod } from '~/composables/core/api/types'
import { toCartProblem } from '~/services/mappers/cartProblem'
import { toPlaceOrderAnswer } from '~/services/mappers/placeOrderAnswer'
import { API, makeCore, useMswServer } from './support'

// Answers captured from a real Django REST Framework backend (tests/drf-real: Django 3.2, DRF 3.14, django-filter 23),
// replayed byte for byte, so the core is held to what DRF sends rather than to what our demo backend imitates.
interface Captured { request: string, status: number, headers: Record<string, string>, body: unknown }
const captured = (name: string): Captured =>
  JSON.parse(readFileSync(new URL(`../../drf-real/fixtures/${name}.json`, import.meta.url), 'utf8')) as Captured

const server = useMswServer()

async function errorOf(name: string): Promise<ApiError> {
  const { request, status, headers, body } = captured(name)
  const [method, path] = request.split(' ') as [string, string]
  const url = `${API}${path.split('?')[0]}`
  server.use(http.all(url, () => new HttpResponse(typeof body === 'string' ? body : JSON.stringify(body), { status, headers })))
  const result = await makeCore({ retry: { maxRetries: 0 } }).api.request(url.slice(API.length), { method: method as HttpMethod }).then(() => null, (e: unknown) => e)
  expect(result).toBeInstanceOf(ApiError)
  return result as ApiError
}

describe('real DRF error bodies', () => {
  it('a listing link with an unknown brand (django-filter\'s 400) says what the shop refused, not "check the highlighted fields"', async () => {
    const error = await errorOf('products-unknown-brand-400')
    expect(error).toMatchObject({ status: 400, retryable: false, fieldErrors: { brand: ['Select a valid choice. no-such-brand is not one of the available choices.'] } })
    // A GET has no form whose fields could be highlighted: the field is a query parameter of the link.
    expect(error.message).toBe('The shop did not accept this link\'s brand: Select a valid choice. no-such-brand is not one of the available choices.')
  })

  it('an out-of-stock 409 raised as DRF\'s APIException says how many are left, though DRF sent `available` as a string', async () => {
    // APIException({'detail': ..., 'code': 'out_of_stock', 'available': 35}) renders every value as a string.
    const error = await errorOf('cart-add-out-of-stock-409')
    expect(error.extras).toMatchObject({ available: '35' })
    expect(toCartProblem(error)).toEqual({ kind: 'out-of-stock', available: 35, message: 'Only 35 left in stock, so your cart can hold at most 35.' })
  })
  it('an order\'s out-of-stock 409 names its lines though DRF sent every number as a string and None as "None"', async () => {
    // POST /orders/ of a cart holding 32 when a rival had just bought one of them (capture.py).
    const answer = toPlaceOrderAnswer(await errorOf('order-out-of-stock-409'))
    expect(answer).toMatchObject({ kind: 'out-of-stock', lines: [{ lineId: 3, productId: 1, variantId: null, requested: 32, available: 31 }] })
  })
})

describe('real DRF answers to POST /orders/ (tests/drf-real/catalog/orders.py)', () => {
  it('a shipping method the shop no longer offers is said in words, not in DRF\'s "Invalid pk ... does not exist"', async () => {
    // PrimaryKeyRelatedField's stock sentence for an id its queryset does not hold (retired during checkout).
    const error = await errorOf('order-unknown-shipping-method-400')
    expect(error.fieldErrors).toEqual({ shipping_method_id: ['Invalid pk "99" - object does not exist.'] })
    expect(toPlaceOrderAnswer(error)).toMatchObject({
      kind: 'invalid',
      fieldErrors: { shipping_method_id: ['The shipping method you chose is no longer offered. Please choose another.'] },
    })
  })

  it('nested address errors keep DRF\'s own words, flattened to the form\'s fields', async () => {
    const answer = toPlaceOrderAnswer(await errorOf('order-invalid-400'))
    expect(answer).toMatchObject({
      kind: 'invalid',
      fieldErrors: {
        'shipping_address.city': ['This field may not be blank.'],
        'shipping_address.country': ['Enter a two-letter country code.'],
        'payment_token': ['This field is required.'],
      },
    })
  })

  it('a declined card is a 402 with `detail` only (an APIException subclass: DRF drops the code): declined', async () => {
    expect(toPlaceOrderAnswer(await errorOf('order-declined-402'))).toMatchObject({ kind: 'declined' })
  })

  it('an empty cart is DRF\'s bare list ["Your cart is empty."] (ValidationError raised in a view): its sentence is shown', async () => {
    expect(toPlaceOrderAnswer(await errorOf('order-cart-empty-400'))).toEqual({ kind: 'rejected', message: 'Your cart is empty.' })
  })

  it('a key sent with another body is a 409 with neither an order nor lines: waited on, never read as placed or sold out', async () => {
    expect(toPlaceOrderAnswer(await errorOf('order-key-reused-409'))).toMatchObject({ kind: 'busy', retryAfterMs: null })
  })
})
