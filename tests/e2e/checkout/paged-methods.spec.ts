import { expect, test } from '../support/test'
import { startStorefront, type Running } from '../../integration/server/support/processes'
import { DEMO_PROFILES } from '../../mocks/profile'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { backend, confirmedOrderId, openCheckout, placeOrderButton, reachReview, shopperWithCart, type Backend } from './support'

// A backend that pages GET /shipping-methods/ (the demo's drf-variants profile: DRF's PageNumberPagination, 2 a
// page): "Store pickup" is on page 2. The shopper must be offered it, choose it, and be sent it.

let demo: RunningDemoApi
let web: Running
let api: Backend

test.beforeAll(async () => {
  demo = await startDemoApi({ profile: DEMO_PROFILES['drf-variants'] })
  web = await startStorefront({ apiBase: demo.url, siteUrl: 'http://127.0.0.1' })
  api = backend(demo.url)
})

test.afterAll(async () => {
  await web?.stop()
  await demo?.close()
})

test('a shipping method on the second page of the backend\'s list is offered, chosen and ordered', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: web.url })
  const page = await context.newPage()
  const { shopper } = await shopperWithCart(context, web.url, api, 'paged-methods', [1])
  await openCheckout(page)
  await reachReview(page, /^Visa/, 'Store pickup')
  await placeOrderButton(page).click()
  const id = await confirmedOrderId(page)

  const order = await api.call<{ shipping_method: { name: string } }>(`/orders/${id}/`, { token: await shopper.token() })
  expect(order.body.shipping_method.name).toBe('Store pickup')
  await context.close()
})
