import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { $fetch } from 'ofetch'
import { ApiError } from '~/composables/core/api/ApiError'
import { createApiClient, DEFAULT_TIMEOUT_MS } from '~/composables/core/api/createApiClient'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'
import { startStorefront, type RunningStorefront } from './support/processes'

// A backend that hangs (connections accepted, no answer) while only browsers use the shop: no server render to
// notice. The browsers' calls through the /api proxy must be what opens the process's breaker, so that every other
// browser, and the next tab, gets the breaker's fast 503 instead of waiting for the same silence. That needs the
// proxy to give up (504, counted by the breaker) before the browser does: a browser's own timeout only closes its
// connection, which the proxy sees as the shopper going away and does not count. So the storefront runs with its
// default timeouts here, the browser's (public.api.timeoutMs) and the proxy's (NUXT_API_TIMEOUT_MS).

let api: RunningDemoApi
let web: RunningStorefront

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: 30, faults: true })
  // The default threshold; a cooldown long enough that the breaker is still open when it is looked at.
  web = await startStorefront({ apiBase: api.url, siteUrl: 'http://shop.test', env: { NUXT_PUBLIC_API_BREAKER_COOLDOWN_MS: '60000' } })
})

afterAll(async () => {
  await web?.stop()
  await api?.close()
})

/** A browser's api core as plugins/api.ts makes it (its default per-attempt timeout), calling the proxy over HTTP. */
function browser() {
  return createApiClient({ fetch: $fetch, baseURL: `${web.url}/api`, timeoutMs: DEFAULT_TIMEOUT_MS, retry: { maxRetries: 0 } })
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (caught: unknown) => caught)
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}

describe('a hanging backend with only browsers calling', () => {
  it('is given up on by the proxy before the browsers give up, which opens the breaker for everyone', async () => {
    await fetch(`${api.url}/__faults/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path_pattern: '/*', latency_ms: 60_000 }) })
    // Five shoppers at once, in two areas (the breaker's default threshold: failureRun.ts).
    const paths = ['/products/', '/categories/', '/products/facets/', '/products/?page=2', '/categories/?page=2']
    const errors = await Promise.all(paths.map(path => failure(browser().get(path))))
    for (const error of errors) expect(error.toJSON()).toMatchObject({ status: 504, code: 'upstream_timeout', message: 'The shop took too long to answer. Please try again.' })

    await fetch(`${api.url}/__stats/`, { method: 'DELETE' })
    const next = await failure(browser().get('/products/'))
    expect(next.toJSON()).toMatchObject({ status: 503, code: 'circuit_open' })
    expect(next.message).toMatch(/The shop is having trouble right now/)
    expect((await (await fetch(`${api.url}/__stats/`)).json() as { total: number }).total).toBe(0)
    expect(web.output()).toMatch(/\[backend\] circuit breaker open/)
  })
})
