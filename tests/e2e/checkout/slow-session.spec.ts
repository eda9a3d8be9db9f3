import { expect, test } from '../support/test'
import { startStorefront, type Running } from '../../integration/server/support/processes'
import { DEMO_PROFILES } from '../../mocks/profile'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { accountButton } from '../auth/support'
import { backend, confirmedOrderId, newShopper, openCheckout, ordersAtBackend, placeOrderButton, reachReview, seedCart, signInBrowser, simpleProducts, type Backend } from './support'

// A slow shopper with 10-second access tokens (DEMO_ACCESS_TTL_S=10), on a backend that de-duplicates orders as
// django-idempotency-key does: keyed on the Authorization header too, so a send with a refreshed token is a new
// request to it. The backend's clock is moved on instead of waiting: every step starts with an expired token,
// and the order's answer is lost on the way back while the token expires again. One order, still signed in.

let demo: RunningDemoApi
let web: Running
let api: Backend
let offsetMs = 0

test.beforeAll(async () => {
  demo = await startDemoApi({ accessTtlS: 10, profile: DEMO_PROFILES['idempotency-django'], now: () => Date.now() + offsetMs })
  web = await startStorefront({ apiBase: demo.url, siteUrl: 'http://127.0.0.1' })
  api = backend(demo.url)
})

test.afterAll(async () => {
  await web?.stop()
  await demo?.close()
})

/** Ten seconds and a bit pass for the backend: every access token issued so far has expired. */
const tokensExpire = () => {
  offsetMs += 11_000
}

test('tokens expiring before every step and during the order: exactly one order, and no sign-out', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: web.url })
  const page = await context.newPage()
  const shopper = await newShopper(api, 'slow')
  const [product] = await simpleProducts(api, 1)
  await seedCart(api, shopper, [{ product: product!, quantity: 1 }])
  await signInBrowser(context.request, web.url, shopper)
  const refreshes: number[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/auth/refresh') refreshes.push(response.status())
  })

  tokensExpire()
  await openCheckout(page)
  tokensExpire()
  await reachReview(page)
  tokensExpire()

  // The order reaches the backend, its answer is lost; by the time the page looks for it, the token expired again.
  let posts = 0
  await page.route('**/api/orders/', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    posts++
    const response = await route.fetch()
    if (response.status() !== 201) return route.fulfill({ response })
    tokensExpire()
    await route.abort('timedout')
  })
  await placeOrderButton(page).click()
  const id = await confirmedOrderId(page)

  expect((await ordersAtBackend(api, shopper)).map(o => o.id)).toEqual([id])
  // The first send met an expired token (401, refreshed, replayed); the replay made the order; no third send.
  expect(posts).toBe(2)
  expect(refreshes.length).toBeGreaterThanOrEqual(3)
  expect(refreshes.every(status => status === 200)).toBe(true)
  await expect(accountButton(page, shopper.name)).toBeVisible()
  await context.close()
})
