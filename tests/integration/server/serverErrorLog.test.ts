import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { startStorefront, type RunningStorefront } from './support/processes'

// A server error leaves one line in the server's log for the operator, with or without error monitoring: the
// request id (the one in the response's x-request-id), method, path, status, the error and its stack. Nothing the
// shopper sent: no query, no cookie, no header; URLs inside the error message are scrubbed like in a Sentry event.

const SECRETS = ['jane.doe', 'lovelace', 'REFRESH-SECRET-1', 'AUTH-SECRET-1', 'CART-SECRET-1']
const HOSTILE_QUERY = 'email=jane.doe%40example.com&q=ada+lovelace'
const SHOPPER_HEADERS = { cookie: 'sf_refresh=REFRESH-SECRET-1; sf_cart_token=CART-SECRET-1', authorization: 'Bearer AUTH-SECRET-1' }

/** The log lines (with their stack lines) that start with "[server error]". */
function errorLines(output: string): string[] {
  return output.split(/\n(?=\S)/).filter(line => line.startsWith('[server error]'))
}

describe.each([
  ['without monitoring', {}],
  // An ingest nobody listens on: the SDK's sends fail quietly, the log does not depend on them.
  ['with a Sentry DSN', { NUXT_PUBLIC_SENTRY_DSN: 'http://publickey@127.0.0.1:9/1' }],
])('the server log %s', (_, env) => {
  let api: RunningDemoApi
  let web: RunningStorefront

  beforeAll(async () => {
    api = await startDemoApi({ seedProducts: 20, faults: false })
    web = await startStorefront({ apiBase: api.url, siteUrl: 'http://shop.test', env: { NUXT_PUBLIC_SENTRY_TEST_FAULTS: '1', ...env } })
  })
  afterAll(async () => {
    await web?.stop()
    await api?.close()
  })

  async function get(path: string, requestId: string, accept = 'text/html'): Promise<Response> {
    const response = await fetch(`${web.url}${path}`, { headers: { ...SHOPPER_HEADERS, 'accept': accept, 'x-request-id': requestId } })
    await response.arrayBuffer()
    return response
  }

  it('has one privacy-safe line per server error: an SSR render error and a crashing handler, as HTML or JSON', async () => {
    const start = web.output().length
    const ssr = await get(`/__observability/ssr?${HOSTILE_QUERY}`, 'log-ssr-1')
    const ssrJson = await get(`/__observability/ssr?${HOSTILE_QUERY}`, 'log-ssr-json-1', 'application/json')
    const handler = await get(`/__observability/handler?${HOSTILE_QUERY}`, 'log-handler-1')
    const handlerJson = await get(`/__observability/handler?${HOSTILE_QUERY}`, 'log-handler-json-1', 'application/json')
    // A 4xx is the client's, not the operator's: no line. Nor for the page that works.
    expect((await get(`/__observability/nothing-here?${HOSTILE_QUERY}`, 'log-404-1')).status).toBe(404)
    expect((await get(`/?${HOSTILE_QUERY}`, 'log-ok-1')).status).toBe(200)
    // Written in request order: once the last error's line is in, every earlier request's output is too.
    const sentinel = await get('/__observability/handler', 'log-sentinel-1')
    expect([ssr.status, ssrJson.status, handler.status, handlerJson.status, sentinel.status]).toEqual([500, 500, 500, 500, 500])
    await expect.poll(() => web.output().slice(start), { timeout: 10_000 }).toContain('request_id=log-sentinel-1')

    const log = web.output().slice(start)
    const lines = errorLines(log)
    const lineFor = (id: string) => lines.filter(line => line.includes(`request_id=${id} `))
    for (const id of ['log-ssr-1', 'log-ssr-json-1', 'log-handler-1', 'log-handler-json-1', 'log-sentinel-1']) expect(lineFor(id), id).toHaveLength(1)
    expect(lines).toHaveLength(5)

    const [ssrLine] = lineFor('log-ssr-1')
    expect(ssrLine).toMatch(/^\[server error\] 500 GET \/__observability\/ssr request_id=log-ssr-1 /)
    expect(ssrLine).toContain('Monitoring test fault: SSR render error')
    expect(ssrLine).toMatch(/\n {4}at /)

    const [handlerLine] = lineFor('log-handler-1')
    expect(handlerLine).toMatch(/^\[server error\] 500 GET \/__observability\/handler request_id=log-handler-1 Error: /)
    // The URL in the message keeps its path and query keys, never the values.
    expect(handlerLine).toContain('http://backend.internal/api/products/?email=[Filtered]&q=[Filtered]')
    expect(handlerLine).toMatch(/\n {4}at /)

    // Nitro's own line for a crashing handler (the raw URL, query and all) is not written as well.
    expect(log).not.toContain('[request error]')
    for (const secret of SECRETS) expect(log, secret).not.toContain(secret)
  })

  it('has no line for a sign-out: a 204 sent at once that clears cookies is not an error', async () => {
    const start = web.output().length
    const signOut = await fetch(`${web.url}/api/auth/logout`, {
      method: 'POST',
      headers: { 'origin': 'http://shop.test', 'x-requested-with': 'storefront', 'x-request-id': 'log-logout-1', 'cookie': 'sf_refresh=REFRESH-SECRET-1' },
    })
    expect(signOut.status).toBe(204)
    expect(signOut.headers.getSetCookie().length).toBeGreaterThan(0)
    await get('/__observability/handler', 'log-sentinel-2')
    await expect.poll(() => web.output().slice(start), { timeout: 10_000 }).toContain('request_id=log-sentinel-2')
    expect(errorLines(web.output().slice(start)).filter(line => line.includes('log-logout-1'))).toEqual([])
  })
})
