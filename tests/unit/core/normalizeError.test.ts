import { http, HttpResponse } from 'msw'
import { FetchError } from 'ofetch'
import { describe, expect, it } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import { normalizeError, parseRetryAfter } from '~/composables/core/api/normalizeError'
import { API, makeCore, useMswServer } from './support'

const server = useMswServer()

/** Serves one raw response for GET (or a form's POST) /thing/ and returns the ApiError the core makes of it (no retries). */
async function errorFor(body: string | null, init: { status: number, contentType?: string, headers?: Record<string, string>, method?: 'GET' | 'POST' }): Promise<ApiError> {
  const headers = { ...(init.contentType ? { 'content-type': init.contentType } : {}), ...init.headers }
  server.use(http.all(`${API}/thing/`, () => new HttpResponse(body, { status: init.status, headers })))
  const result = await makeCore({ retry: { maxRetries: 0 } }).api.request('/thing/', { method: init.method ?? 'GET' }).then(() => null, (e: unknown) => e)
  expect(result).toBeInstanceOf(ApiError)
  return result as ApiError
}

describe('normalizeError: any body becomes one ApiError', () => {
  it('an HTML 500 page gets our readable message, not the markup', async () => {
    const error = await errorFor('<!DOCTYPE html><html><body><h1>Server Error (500)</h1></body></html>', { status: 500, contentType: 'text/html' })
    expect(error.toJSON()).toEqual({ status: 500, code: 'http_500', message: 'Something went wrong on our side. Please try again.', fieldErrors: {}, retryable: false })
    expect(error.cause).toBeInstanceOf(FetchError)
  })

  it('keeps the request id the Nitro proxy answered with, for monitoring; not in the payload-safe data', async () => {
    const error = await errorFor('{"detail": "Bad gateway.", "code": "bad_gateway"}', { status: 502, contentType: 'application/json', headers: { 'x-request-id': 'req-502-abc' } })
    expect(error.requestId).toBe('req-502-abc')
    expect(error.toJSON()).not.toHaveProperty('requestId')
    const withoutId = await errorFor(null, { status: 503 })
    expect(withoutId.requestId).toBeUndefined()
  })

  it('an empty 502 body', async () => {
    const error = await errorFor(null, { status: 502 })
    expect(error).toMatchObject({ status: 502, code: 'http_502', message: 'The shop is temporarily unreachable. Please try again.', retryable: true })
  })

  it('a truncated JSON body labelled as JSON', async () => {
    const error = await errorFor('{"detail": "Serv', { status: 503, contentType: 'application/json' })
    expect(error).toMatchObject({ status: 503, code: 'http_503', message: 'The shop is temporarily unavailable. Please try again.' })
  })

  it('binary garbage with an unknown status', async () => {
    const error = await errorFor('\u0000\u0001\u00ff garbage', { status: 520, contentType: 'application/octet-stream' })
    expect(error).toMatchObject({ status: 520, code: 'http_520', message: 'Something went wrong on our side. Please try again.', retryable: false })
  })

  it('a 2xx that is not JSON is a bad_response, never a string handed to a mapper', async () => {
    server.use(http.get(`${API}/thing/`, () => new HttpResponse('<html>captive portal</html>', { status: 200, headers: { 'content-type': 'text/html' } })))
    await expect(makeCore().api.get('/thing/')).rejects.toMatchObject({ status: 200, code: 'bad_response', retryable: false })
  })

  it('a 204 resolves to undefined', async () => {
    server.use(http.delete(`${API}/thing/`, () => new HttpResponse(null, { status: 204 })))
    await expect(makeCore().api.delete('/thing/')).resolves.toBeUndefined()
  })

  it('keeps DRF field errors for forms, nested ones flattened, and asks to check the fields', async () => {
    const body = { email: ['Enter a valid email address.'], password: ['This field is required.', 'Too short.'], shipping_address: { postal_code: ['Invalid postal code.'] } }
    const error = await errorFor(JSON.stringify(body), { status: 400, contentType: 'application/json', method: 'POST' })
    expect(error).toMatchObject({ status: 400, code: 'http_400', message: 'Please check the highlighted fields.', retryable: false })
    expect(error.fieldErrors).toEqual({
      'email': ['Enter a valid email address.'],
      'password': ['This field is required.', 'Too short.'],
      'shipping_address.postal_code': ['Invalid postal code.'],
    })
  })

  it('uses non_field_errors as the message and keeps them under their own key', async () => {
    const body = { non_field_errors: ['Unable to log in with provided credentials.'] }
    const error = await errorFor(JSON.stringify(body), { status: 400, contentType: 'application/json' })
    expect(error.message).toBe('Unable to log in with provided credentials.')
    expect(error.fieldErrors).toEqual({ non_field_errors: ['Unable to log in with provided credentials.'] })
  })

  it('uses the backend detail and code when there are some', async () => {
    const error = await errorFor(JSON.stringify({ code: 'out_of_stock', detail: 'Only 2 left.', available: 2 }), { status: 409, contentType: 'application/json' })
    expect(error).toMatchObject({ status: 409, code: 'out_of_stock', message: 'Only 2 left.', fieldErrors: {} })
  })

  it('takes a DRF top-level list of messages', async () => {
    const error = await errorFor(JSON.stringify(['This cart is locked.']), { status: 400, contentType: 'application/json' })
    expect(error.message).toBe('This cart is locked.')
  })

  it('reads a detail DRF wrapped in a list (ValidationError({"detail": ...}) raised in validate())', async () => {
    const error = await errorFor(JSON.stringify({ detail: ['Only 2 left in stock.'] }), { status: 400, contentType: 'application/json' })
    expect(error).toMatchObject({ message: 'Only 2 left in stock.', fieldErrors: {} })
  })

  it('keeps a list serializer\'s errors per item, by index (many=True: {} for a valid item)', async () => {
    const body = { items: [{}, { quantity: ['Ensure this value is less than or equal to 99.'] }], note: [] }
    const error = await errorFor(JSON.stringify(body), { status: 400, contentType: 'application/json', method: 'POST' })
    expect(error.fieldErrors).toEqual({ 'items.1.quantity': ['Ensure this value is less than or equal to 99.'] })
    expect(error.message).toBe('Please check the highlighted fields.')
  })

  it('cuts a runaway detail to something a shopper can read', async () => {
    const error = await errorFor(JSON.stringify({ detail: 'x'.repeat(5_000) }), { status: 500, contentType: 'application/json' })
    expect(error.message.length).toBe(300)
  })

  it('carries Retry-After as milliseconds', async () => {
    const error = await errorFor(JSON.stringify({ detail: 'Slow down.', code: 'throttled' }), { status: 429, contentType: 'application/json', headers: { 'retry-after': '3' } })
    expect(error).toMatchObject({ code: 'throttled', retryAfterMs: 3_000, retryable: true })
  })

  it('turns anything thrown that is not an HTTP answer into a network error, and passes ApiErrors through', () => {
    expect(normalizeError(new TypeError('fetch failed'))).toMatchObject({ status: 0, code: 'network_error', retryable: true })
    expect(normalizeError('a string')).toMatchObject({ code: 'network_error' })
    expect(normalizeError(new DOMException('x', 'AbortError'))).toMatchObject({ code: 'aborted', retryable: false })
    const original = new ApiError({ status: 404, code: 'not_found', message: 'Not found.', fieldErrors: {}, retryable: false })
    expect(normalizeError(original)).toBe(original)
  })

  it('serializes to plain data (safe for the SSR payload)', async () => {
    const error = await errorFor(JSON.stringify({ email: ['Taken.'] }), { status: 400, contentType: 'application/json', method: 'POST' })
    expect(JSON.parse(JSON.stringify(error))).toEqual({ status: 400, code: 'http_400', message: 'Please check the highlighted fields.', fieldErrors: { email: ['Taken.'] }, retryable: false })
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2030-01-01T00:00:00Z')
  it('reads seconds and HTTP dates, never negative, and ignores nonsense', () => {
    expect(parseRetryAfter('2', now)).toBe(2_000)
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:05 GMT', now)).toBe(5_000)
    expect(parseRetryAfter('Mon, 31 Dec 2029 23:59:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })
})
