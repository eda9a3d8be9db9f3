import { expect, test } from '../support/test'
import { waitForHydration } from '../support/hydration'

// Without NUXT_PUBLIC_SENTRY_DSN (Playwright's storefront has none), monitoring costs nothing: no SDK code is
// fetched, nothing is sent, the tunnel and the test fault pages do not exist.
test('without a DSN no SDK is loaded, nothing is sent, and the tunnel and fault pages are refused', async ({ page, request }) => {
  const scripts: string[] = []
  const sent: string[] = []
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push(await response.text().catch(() => ''))
  })
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/_monitoring') sent.push(request.url())
  })
  await page.goto('/')
  await waitForHydration(page)
  // The SDK would be imported from onNuxtReady (an idle callback): let idle callbacks run, then the network settle.
  await page.evaluate(() => new Promise<void>(resolve => requestIdleCallback(() => requestIdleCallback(() => resolve()))))
  await page.waitForLoadState('networkidle')
  // An uncaught error is what the SDK would report: wait until the page has thrown it, then for idle callbacks
  // (where a report would be queued) before looking at what was sent.
  const thrown = page.waitForEvent('pageerror')
  await page.evaluate(() => setTimeout(() => {
    throw new Error('unreported')
  }))
  expect((await thrown).message).toBe('unreported')
  await page.evaluate(() => new Promise<void>(resolve => requestIdleCallback(() => requestIdleCallback(() => resolve()))))

  expect(scripts.length).toBeGreaterThan(0)
  expect(scripts.filter(source => source.includes('sentry.javascript'))).toEqual([])
  expect(sent).toEqual([])
  expect((await request.post('/_monitoring', { data: '{}' })).status()).toBe(404)
  for (const path of ['/__observability/ssr', '/__observability/browser', '/__observability/handler']) {
    const response = await request.get(path, { headers: { 'accept': 'text/html', 'accept-encoding': 'br, gzip' } })
    expect(response.status()).toBe(404)
    // The error page itself must arrive readable (compressHtml once sent error pages as mangled brotli).
    expect(await response.text()).toContain('Page not found')
  }
})
