import { expect, test, type Page } from '../support/test'
import { freePort } from '../../../bench/lib/ports'
import { startStorefront, type Running } from '../../integration/server/support/processes'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'

// Product images on a media origin of their own (Django's MEDIA_URL on another host, a CDN): a demo backend whose
// image URLs point at http://localhost:<port>, while the storefront talks to it as http://127.0.0.1:<port>, so the
// images are on an origin the CSP only knows from NUXT_PUBLIC_MEDIA_ORIGIN. The built server, started twice.

let api: RunningDemoApi
let mediaOrigin: string
const servers: Running[] = []

test.beforeAll(async () => {
  const port = await freePort()
  mediaOrigin = `http://localhost:${port}`
  api = await startDemoApi({ port, seedProducts: 200, faults: false, profile: { mediaBase: `${mediaOrigin}/api/media` } })
})

test.afterAll(async () => {
  await Promise.all(servers.map(server => server.stop()))
  await api?.close()
})

async function storefront(env: Record<string, string>): Promise<string> {
  const web = await startStorefront({ apiBase: api.url, siteUrl: 'http://shop.test', env })
  servers.push(web)
  return web.url
}

/** CSP violations and console errors from the moment the page starts. */
async function watch(page: Page) {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  await page.addInitScript(() => {
    const violations: string[] = []
    Object.assign(window, { __cspViolations: violations })
    document.addEventListener('securitypolicyviolation', event => violations.push(`${event.violatedDirective} ${event.blockedURI}`))
  })
  return {
    problems,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  }
}

/** The first product images of the page: their URLs and whether the browser decoded them. */
function firstImages(page: Page, count: number) {
  return page.locator('main img').evaluateAll((images, n) => images.slice(0, n).map((image) => {
    const img = image as HTMLImageElement
    return { src: img.currentSrc || img.src, loaded: img.complete && img.naturalWidth > 0 }
  }), count)
}

test('with NUXT_PUBLIC_MEDIA_ORIGIN the CSP allows it and images from it load, on the listing and a product page', async ({ page }) => {
  const origin = await storefront({ NUXT_PUBLIC_MEDIA_ORIGIN: mediaOrigin })
  const seen = await watch(page)

  const listing = await page.goto(`${origin}/products`)
  const imgSrc = (listing?.headers()['content-security-policy'] ?? '').split(';').map(part => part.trim()).find(part => part.startsWith('img-src '))
  expect(imgSrc?.split(' ')).toContain(mediaOrigin)
  await expect.poll(async () => (await firstImages(page, 4)).filter(image => image.loaded).length, { timeout: 15_000 }).toBe(4)
  expect((await firstImages(page, 4)).every(image => image.src.startsWith(`${mediaOrigin}/api/media/products/`))).toBe(true)

  // The first card's title link.
  const card = page.getByRole('list', { name: 'Products' }).getByRole('heading').getByRole('link').first()
  const title = (await card.textContent())!.trim()
  await card.click()
  await page.waitForURL(/\/products\/\d+-/)
  // The listing's first cards also fetch their images first: wait until the product page has replaced them.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const gallery = page.locator('main img[fetchpriority="high"]')
  await expect(gallery).toHaveAttribute('src', new RegExp(`^${mediaOrigin}/api/media/products/`))
  await expect.poll(() => gallery.evaluate(img => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true)

  expect(await seen.violations()).toEqual([])
  expect(seen.problems).toEqual([])
})

test('without it the same images are refused by the CSP (the setting is what lets them in)', async ({ page }) => {
  const origin = await storefront({})
  const seen = await watch(page)
  const listing = await page.goto(`${origin}/products`)
  expect(listing?.headers()['content-security-policy']).not.toContain(mediaOrigin)
  await expect.poll(seen.violations, { timeout: 15_000 }).toContainEqual(expect.stringMatching(new RegExp(`^img-src ${mediaOrigin}/api/media/products/`)))
  expect((await firstImages(page, 4)).some(image => image.loaded)).toBe(false)
})
