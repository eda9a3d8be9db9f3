import { describe, expect, it } from 'vitest'
import { FILTERED, isSensitiveKey, scrubBreadcrumb, scrubEvent, scrubString, scrubUrl, scrubValue } from '~/utils/observability/scrub'

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjo0MiwidG9rZW5fdHlwZSI6ImFjY2VzcyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ'
const REQUEST_ID = '3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c'
const CART_TOKEN = 'c_7f3a9b2e4d1c8a6f0e5b'

describe('scrubString: secrets and personal data in free text', () => {
  it.each([
    ['a JWT anywhere', `token was ${JWT} here`, `token was ${FILTERED} here`],
    ['a bearer credential', 'Authorization: Bearer abc.def-ghi_123', `Authorization: Bearer ${FILTERED}`],
    ['a cart token header', `X-Cart-Token: ${CART_TOKEN}`, `X-Cart-Token: ${FILTERED}`],
    ['a cookie pair', `sf_cart=${CART_TOKEN}; sf_refresh=r123`, `sf_cart=${FILTERED}; sf_refresh=${FILTERED}`],
    ['a JSON refresh token', '{"refresh":"opaque-refresh-value"}', `{"refresh":"${FILTERED}"}`],
    ['an email', 'no account for demo@example.com.', `no account for ${FILTERED}.`],
    ['a payment token', 'charge tok_visa declined; pm_1NqZx2 ok', `charge ${FILTERED} declined; ${FILTERED} ok`],
    ['a client secret', 'pi_3Abc_secret_XyZ123', FILTERED],
    ['an international phone number', 'call +44 20 7946 0958 now', `call ${FILTERED} now`],
    ['query values in a URL', 'GET /api/products/?q=winter%20coat&page=2 failed', `GET /api/products/?q=${FILTERED}&page=${FILTERED} failed`],
  ])('%s', (_, input, expected) => {
    expect(scrubString(input)).toBe(expected)
  })

  it('keeps what is needed to debug: request ids, trace ids, route templates, status codes, numbers', () => {
    const text = `GET /api/products/{id}/ 502 request ${REQUEST_ID} trace 0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331 after 1732351234567 ms`
    expect(scrubString(text)).toBe(text)
  })
})

describe('scrubUrl', () => {
  it('filters every query value, keeps the keys, drops the fragment', () => {
    expect(scrubUrl('https://shop.example.com/search?q=demo%40example.com&sort=price#reviews')).toBe(`https://shop.example.com/search?q=${FILTERED}&sort=${FILTERED}`)
    expect(scrubUrl('/auth/login?redirect=/account')).toBe(`/auth/login?redirect=${FILTERED}`)
    expect(scrubUrl('/products/12-mug')).toBe('/products/12-mug')
  })

  it('scrubs tokens and emails in the path itself', () => {
    expect(scrubUrl(`/auth/reset/${JWT}/`)).toBe(`/auth/reset/${FILTERED}/`)
    expect(scrubUrl('/users/demo@example.com/')).toBe(`/users/${FILTERED}/`)
  })
})

describe('isSensitiveKey', () => {
  it.each(['Authorization', 'cookie', 'Set-Cookie', 'X-Cart-Token', 'refresh', 'access', 'sf_cart', 'password', 'email', 'first_name', 'lastName', 'fullName', 'name', 'address', 'shipping_address', 'line1', 'city', 'postal_code', 'phone', 'cardNumber', 'payment_token', 'ip_address'])('%s is sensitive', (key) => {
    expect(isSensitiveKey(key)).toBe(true)
  })

  it.each(['request_id', 'status_code', 'method', 'url', 'componentName', 'lifecycleHook', 'route', 'code', 'velocity', 'accessibility', 'attempt'])('%s is not', (key) => {
    expect(isSensitiveKey(key)).toBe(false)
  })
})

describe('scrubValue', () => {
  it('filters sensitive keys at any depth and scrubs strings, without touching the input', () => {
    const input = { order: { shipping: { first_name: 'Ada', line1: '1 Main St', city: 'London' }, total: '12.00' }, note: 'mail demo@example.com' }
    expect(scrubValue(input)).toEqual({ order: { shipping: { first_name: FILTERED, line1: FILTERED, city: FILTERED }, total: '12.00' }, note: `mail ${FILTERED}` })
    expect(input.order.shipping.first_name).toBe('Ada')
  })

  it('filters what is nested deeper than the limit instead of sending it unread', () => {
    expect(scrubValue({ a: { b: { c: 'secret-ish' } } }, 2)).toEqual({ a: { b: FILTERED } })
  })
})

describe('scrubEvent', () => {
  const event = {
    event_id: 'e1',
    message: `failed for demo@example.com with ${JWT}`,
    user: { id: '42', email: 'demo@example.com', ip_address: '203.0.113.9' },
    request: {
      method: 'POST',
      url: 'https://shop.example.com/checkout?email=demo@example.com',
      query_string: 'email=demo@example.com&step=2',
      cookies: { sf_refresh: 'r', sf_cart: CART_TOKEN },
      data: { email: 'demo@example.com', password: 'demo-password-1' },
      headers: { 'Authorization': `Bearer ${JWT}`, 'Cookie': `sf_refresh=r; sf_cart=${CART_TOKEN}`, 'X-Cart-Token': CART_TOKEN, 'User-Agent': 'Mozilla/5.0', 'x-request-id': REQUEST_ID, 'Referer': 'https://shop.example.com/search?q=name' },
      env: { REMOTE_ADDR: '203.0.113.9' },
    },
    exception: { values: [{ type: 'Error', value: `token ${JWT}`, stacktrace: { frames: [{ function: 'login', vars: { password: 'demo-password-1' } }] } }] },
    threads: { values: [{ stacktrace: { frames: [{ function: 'x', vars: { token: 't' } }] } }] },
    tags: { request_id: REQUEST_ID, note: 'tok_visa' },
    extra: { body: { refresh: 'r', items: [{ sku: 'A1' }] } },
    contexts: {
      browser: { name: 'Chrome', version: '130' },
      os: { name: 'Linux' },
      trace: { trace_id: '0af7651916cd43dd8448eb211c80319c', span_id: 'b7ad6b7169203331', data: { 'url': '/api/cart/?token=abc' } },
      vue: { componentName: 'ProductCard', propsData: { address: '1 Main St' } },
      response: { status_code: 500, headers: { 'set-cookie': 'sf_refresh=r' } },
    },
    breadcrumbs: [
      { category: 'ui.click', message: 'button.account[aria-label="Account: Demo Shopper"]' },
      { category: 'console', message: `logged in as demo@example.com`, data: { arguments: [{ access: JWT }] } },
      { type: 'http', category: 'api', data: { method: 'GET', url: '/api/products/{id}/', status_code: 502, request_id: REQUEST_ID } },
      { category: 'navigation', data: { from: '/auth/login?redirect=/account', to: '/account#top' } },
    ],
    spans: [{ description: 'GET /api/products/?q=coat', data: { 'http.query': '?q=coat' } }],
  }

  const scrubbed = scrubEvent(event) as typeof event

  it('drops user, cookies, bodies and every header but a few harmless ones', () => {
    expect(scrubbed).not.toHaveProperty('user')
    expect(scrubbed.request).toEqual({
      method: 'POST',
      url: `https://shop.example.com/checkout?email=${FILTERED}`,
      query_string: `email=${FILTERED}&step=${FILTERED}`,
      headers: { 'User-Agent': 'Mozilla/5.0', 'x-request-id': REQUEST_ID, 'Referer': `https://shop.example.com/search?q=${FILTERED}` },
    })
  })

  it('scrubs the message and exception values and drops local variables of every frame', () => {
    expect(scrubbed.message).toBe(`failed for ${FILTERED} with ${FILTERED}`)
    expect(scrubbed.exception.values[0]?.value).toBe(`token ${FILTERED}`)
    expect(scrubbed.exception.values[0]?.stacktrace.frames[0]).toEqual({ function: 'login' })
    expect(scrubbed.threads.values[0]?.stacktrace.frames[0]).toEqual({ function: 'x' })
  })

  it('keeps tags and machine contexts that help debugging, filters the rest', () => {
    expect(scrubbed.tags).toEqual({ request_id: REQUEST_ID, note: FILTERED })
    expect(scrubbed.extra).toEqual({ body: { refresh: FILTERED, items: [{ sku: 'A1' }] } })
    expect(scrubbed.contexts.browser).toEqual({ name: 'Chrome', version: '130' })
    expect(scrubbed.contexts.trace).toEqual({ trace_id: '0af7651916cd43dd8448eb211c80319c', span_id: 'b7ad6b7169203331', data: { url: `/api/cart/?token=${FILTERED}` } })
    expect(scrubbed.contexts.vue).toEqual({ componentName: 'ProductCard', propsData: { address: FILTERED } })
    expect(scrubbed.contexts.response).toEqual({ status_code: 500, headers: { 'set-cookie': FILTERED } })
  })

  it('scrubs breadcrumbs: labels in DOM selectors, console arguments, URLs', () => {
    expect(scrubbed.breadcrumbs).toEqual([
      { category: 'ui.click', message: `button.account[aria-label="${FILTERED}"]` },
      { category: 'console', message: `logged in as ${FILTERED}` },
      { type: 'http', category: 'api', data: { method: 'GET', url: '/api/products/{id}/', status_code: 502, request_id: REQUEST_ID } },
      { category: 'navigation', data: { from: `/auth/login?redirect=${FILTERED}`, to: '/account' } },
    ])
    expect(scrubbed.spans).toEqual([{ description: `GET /api/products/?q=${FILTERED}`, data: { 'http.query': `?q=${FILTERED}` } }])
  })

  it('leaves no secret anywhere in the serialized event, and does not change the input', () => {
    const json = JSON.stringify(scrubbed)
    for (const secret of [JWT, CART_TOKEN, 'demo@example.com', 'demo-password-1', 'Demo Shopper', '1 Main St', 'tok_visa', '203.0.113.9', 'sf_refresh=r']) {
      expect(json).not.toContain(secret)
    }
    expect(event.user.email).toBe('demo@example.com')
    expect(event.request.headers.Authorization).toContain(JWT)
  })
})

describe('scrubBreadcrumb', () => {
  it('is what beforeBreadcrumb uses: same rules as inside an event', () => {
    expect(scrubBreadcrumb({ category: 'fetch', data: { url: '/api/cart/?token=abc', method: 'POST' } })).toEqual({ category: 'fetch', data: { url: `/api/cart/?token=${FILTERED}`, method: 'POST' } })
  })
})
