import { expect, test, type Page } from '../support/test'
import { waitForHydration } from '../support/hydration'
import { addFault, eventWhere, exceptionValue, holdSdk, receivedRequests, resetFaults, startMonitoredStack, type MonitoredStack } from './support'

// Issue 18: errors reach monitoring from the browser (before and after the SDK is loaded), from useApi with the
// request id and the trace the backend received, and from the server render. One page, one storefront, in order.
test.describe.configure({ mode: 'serial' })

let stack: MonitoredStack
let page: Page

test.beforeAll(async ({ browser }) => {
  stack = await startMonitoredStack()
  page = await browser.newPage()
})

test.afterAll(async () => {
  await page?.close()
  await stack?.stop()
  await resetFaults()
})

test('a Vue error thrown before the SDK is loaded is kept and sent once it is', async () => {
  const sdk = await holdSdk(page)
  await page.goto(`${stack.storefront.url}/__observability/browser`)
  await waitForHydration(page)
  // The page is interactive and idle, the SDK chunk is asked for but not there yet: the error goes to the buffer.
  await sdk.requested
  const before = stack.ingest.events().length
  await page.getByRole('button', { name: 'Throw in a Vue handler' }).click()
  expect(stack.ingest.events()).toHaveLength(before)
  sdk.release()

  const event = await eventWhere(stack.ingest, 'the buffered Vue error', e => exceptionValue(e) === 'Monitoring test fault: Vue handler error')
  expect(event.tags).toMatchObject({ 'monitoring.buffered': true })
  expect(event.exception?.values?.at(-1)?.mechanism).toMatchObject({ type: 'auto.function.vue.error_handler' })
  expect(event.request?.url).toBe(`${stack.storefront.url}/__observability/browser`)
  await page.unrouteAll({ behavior: 'ignoreErrors' })
})

test('an uncaught error after the SDK is loaded is sent by the SDK itself', async () => {
  await page.getByRole('button', { name: 'Throw outside Vue' }).click()
  const event = await eventWhere(stack.ingest, 'the uncaught error', e => exceptionValue(e) === 'Monitoring test fault: uncaught error')
  expect(event.tags ?? {}).not.toHaveProperty('monitoring.buffered')
  expect(event.exception?.values?.at(-1)?.mechanism).toMatchObject({ handled: false })
})

test('a backend 502 seen by useApi arrives once, with its request id and the trace the backend received', async () => {
  // Same page as above: the SDK is running, so every API request carries the page's trace.
  const requestIds: string[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/products/suggest/') requestIds.push(response.headers()['x-request-id'] ?? '')
  })
  // Every attempt (the first and two retries) gets a 502 from the backend.
  await resetFaults()
  await addFault({ path_pattern: '/products/suggest/', method: 'GET', status: 502, count: 3 })
  // One input event in the header's search box: one logical request, so the three faults are its three attempts.
  await page.getByRole('combobox', { name: 'Search products' }).fill('lamp')

  const event = await eventWhere(stack.ingest, 'the 502 from suggest', e => requestIds.length === 3 && e.tags?.request_id === requestIds.at(-1))
  // No `code` is asserted: DRF's own 502 body carries none, and nothing may depend on one.
  expect(event.tags).toMatchObject({ 'api.method': 'GET', 'api.route': '/products/suggest/', 'api.status': 502 })
  expect(event.fingerprint).toEqual(['api-error', 'GET', '/products/suggest/', '502'])
  expect(event.breadcrumbs?.filter(crumb => crumb.category === 'api.retry').length).toBeGreaterThanOrEqual(2)

  const received = (await receivedRequests()).find(request => request.request_id === requestIds.at(-1))
  expect(received?.route).toBe('GET /products/suggest/')
  expect(received?.sentry_trace?.split('-')[0]).toBe(event.contexts?.trace?.trace_id)
  expect(stack.ingest.events().filter(e => requestIds.includes(String(e.tags?.request_id)))).toHaveLength(1)
})

test('an SSR render error arrives with the request id the shopper got, and the caller’s trace', async () => {
  const traceId = '5b8efff798038103d269b633813fc60c'
  const response = await fetch(`${stack.storefront.url}/__observability/ssr`, { headers: { 'sentry-trace': `${traceId}-eee19b7ec3c1b174-1` } })
  expect(response.status).toBe(500)
  const requestId = response.headers.get('x-request-id')
  expect(requestId).toBeTruthy()

  const event = await eventWhere(stack.ingest, 'the SSR render error', e => e.tags?.request_id === requestId)
  expect(exceptionValue(event)).toBe('Monitoring test fault: SSR render error')
  expect(event.contexts?.trace?.trace_id).toBe(traceId)
  expect(event.request?.url).toBe(`${stack.storefront.url}/__observability/ssr`)
})
