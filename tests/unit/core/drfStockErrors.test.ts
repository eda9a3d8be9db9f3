import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import { API, makeCore, useMswServer } from './support'

// The bodies stock Django REST Framework 3.14 sends on its own errors (rest_framework/exceptions.py, views.py
// exception_handler): `{"detail": "..."}` and nothing else, plus WWW-Authenticate / Allow / Retry-After headers.
// Many projects add `code` with a custom EXCEPTION_HANDLER; the storefront must read both the same way, by status.

const server = useMswServer()

interface StockError {
  status: number
  detail: string
  /** DRF's default_code, which a custom exception handler would add to the body. */
  defaultCode: string
  headers: Record<string, string>
  expected: { message: string, retryable: boolean, retryAfterMs?: number }
}

const STOCK_ERRORS: StockError[] = [
  {
    status: 401,
    detail: 'Authentication credentials were not provided.',
    defaultCode: 'not_authenticated',
    headers: { 'WWW-Authenticate': 'Bearer realm="api"' },
    expected: { message: 'Please sign in again.', retryable: false },
  },
  {
    status: 403,
    detail: 'You do not have permission to perform this action.',
    defaultCode: 'permission_denied',
    headers: {},
    expected: { message: 'You are not allowed to do that.', retryable: false },
  },
  {
    status: 404,
    detail: 'Not found.',
    defaultCode: 'not_found',
    headers: {},
    expected: { message: 'We could not find that.', retryable: false },
  },
  {
    status: 405,
    detail: 'Method "DELETE" not allowed.',
    defaultCode: 'method_not_allowed',
    headers: { Allow: 'GET, HEAD, OPTIONS' },
    expected: { message: 'That action is not available here. Please reload the page and try again.', retryable: false },
  },
  {
    status: 429,
    detail: 'Request was throttled. Expected available in 60 seconds.',
    defaultCode: 'throttled',
    headers: { 'Retry-After': '60' },
    expected: { message: 'Too many requests. Please wait 60 seconds and try again.', retryable: true, retryAfterMs: 60_000 },
  },
]

/**
 * One request to a path that answers `body`, without retries or a token (a 401 would start a refresh, which
 * auth.test.ts covers), so the first answer is the error.
 */
async function failureFor(status: number, body: unknown, headers: Record<string, string>): Promise<ApiError> {
  server.use(http.all(`${API}/thing/`, () => new HttpResponse(JSON.stringify(body), { status, headers: { ...headers, 'content-type': 'application/json' } })))
  const error = await makeCore({ retry: { maxRetries: 0 } }).api.delete('/thing/', { auth: false }).then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe.each([
  ['DRF\'s stock body (no code)', false],
  ['the same body with a code from a custom exception handler', true],
])('%s', (_label, withCode) => {
  it.each(STOCK_ERRORS)('$status $detail', async ({ status, detail, defaultCode, headers, expected }) => {
    const body = withCode ? { detail, code: defaultCode } : { detail }
    const error = await failureFor(status, body, headers)
    expect(error.status).toBe(status)
    // What a screen shows (toasts, form summaries and the add-to-cart panel render `message`).
    expect(error.message).toBe(expected.message)
    expect(error.retryable).toBe(expected.retryable)
    expect(error.retryAfterMs).toBe(expected.retryAfterMs)
    expect(error.fieldErrors).toEqual({})
    expect(error.code).toBe(withCode ? defaultCode : `http_${status}`)
  })
})

describe('DRF\'s throttled body', () => {
  it('a one-second wait reads as one second; a long one in minutes', async () => {
    const short = await failureFor(429, { detail: 'Request was throttled. Expected available in 1 second.' }, { 'Retry-After': '1' })
    expect(short.message).toBe('Too many requests. Please wait 1 second and try again.')
    const long = await failureFor(429, { detail: 'Request was throttled. Expected available in 3600 seconds.' }, { 'Retry-After': '3600' })
    expect(long.message).toBe('Too many requests. Please wait 60 minutes and try again.')
  })

  it('without Retry-After it still asks to wait, without a number', async () => {
    const error = await failureFor(429, { detail: 'Request was throttled.' }, {})
    expect(error.message).toBe('Too many requests. Please wait a moment and try again.')
    expect(error.retryAfterMs).toBeUndefined()
  })
})

describe('sentences a backend wrote itself are what the shopper reads', () => {
  it('keeps SimpleJWT\'s sign-in failure and a custom 403 reason', async () => {
    const signIn = await failureFor(401, { detail: 'No active account found with the given credentials' }, {})
    expect(signIn.message).toBe('No active account found with the given credentials')
    const custom = await failureFor(403, { detail: 'Verify your email address to see your orders.' }, {})
    expect(custom.message).toBe('Verify your email address to see your orders.')
  })

  it('replaces SimpleJWT\'s token sentences, which keep their code', async () => {
    const error = await failureFor(401, { detail: 'Given token not valid for any token type', code: 'token_not_valid', messages: [] }, {})
    expect(error).toMatchObject({ status: 401, code: 'token_not_valid', message: 'Please sign in again.' })
  })

  it('replaces the sentences of newer DRF (3.15+: Http404\'s text) and SimpleJWT (5.3+: expired or invalid)', async () => {
    expect((await failureFor(404, { detail: 'No Product matches the given query.' }, {})).message).toBe('We could not find that.')
    for (const detail of ['Token is expired', 'Token is invalid']) {
      expect((await failureFor(401, { detail, code: 'token_not_valid' }, {})).message).toBe('Please sign in again.')
    }
  })

  it('reads a view\'s own ValidationError, whose messages are not wrapped in lists, as field errors', async () => {
    const error = await failureFor(400, { quantity: 'Ensure this value is less than or equal to 99.' }, {})
    expect(error.fieldErrors).toEqual({ quantity: ['Ensure this value is less than or equal to 99.'] })
    // Not on other statuses, where a top-level string is a fact of the answer.
    expect((await failureFor(409, { detail: 'Only 2 left in stock.', status: 'reserved' }, {})).fieldErrors).toEqual({})
  })

  it('keeps scalar facts of the body next to the sentence (409 out of stock: available)', async () => {
    const error = await failureFor(409, { detail: 'Only 2 left in stock.', code: 'out_of_stock', available: 2 }, {})
    expect(error.extras).toEqual({ available: 2 })
    expect(error.toJSON().extras).toEqual({ available: 2 })
  })
})
