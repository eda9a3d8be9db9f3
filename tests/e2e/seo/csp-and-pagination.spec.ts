import { expect, test } from '../support/test'
import { productIdFromPath } from '../../../utils/routes/productSegment'
import { waitForHydration, waitForListeners } from '../support/hydration'

// The built app in Chromium: the CSP it sends is one the app actually passes, and the listing's address bar
// follows the component page being read, so a reload lands there.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const violations: string[] = []
    Object.assign(window, { __cspViolations: violations })
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
})

test('home, listing and product pages run under the CSP without a single violation', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || /content security policy/i.test(message.text())) problems.push(message.text())
  })
  page.on('pageerror', error => problems.push(error.message))

  const home = await page.goto('/')
  const csp = home?.headers()['content-security-policy'] ?? ''
  expect(csp).toContain("frame-ancestors 'none'")
  const scriptSrc = csp.split(';').map(part => part.trim()).find(part => part.startsWith('script-src '))
  // Inline scripts are allowed by their hash only.
  expect(scriptSrc).toMatch(/^script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/)
  expect(scriptSrc).not.toContain('unsafe-inline')
  await waitForHydration(page)

  await page.getByRole('link', { name: 'Browse all products' }).click()
  await page.waitForURL('**/products')
  // The first card's title link.
  const firstProduct = page.getByRole('list', { name: 'Products' }).getByRole('heading').getByRole('link').first()
  await firstProduct.click()
  await page.waitForURL(url => productIdFromPath(url.toString()) !== null)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.reload()
  await waitForHydration(page)

  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([])
  expect(problems).toEqual([])
})

test('scrolling a listing moves the address bar to the component page on screen; a reload lands there', async ({ page }) => {
  await page.goto('/products')
  await waitForHydration(page)
  expect(new URL(page.url()).searchParams.get('cursor')).toBeNull()

  // Scroll until the list has grown past its first page and the URL carries that page's cursor.
  await expect.poll(async () => {
    await page.mouse.wheel(0, 1500)
    return new URL(page.url()).searchParams.get('cursor')
  }, { timeout: 30_000 }).toBeTruthy()

  const cursor = new URL(page.url()).searchParams.get('cursor')
  await page.reload()
  await waitForHydration(page)
  expect(new URL(page.url()).searchParams.get('cursor')).toBe(cursor)
  // The reloaded page starts at that component page: it links back to the previous one.
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', /^\/products/)
})

test('a product opened from a scrolled listing keeps its address while the shopper scrolls as it opens', async ({ page }) => {
  await page.goto('/products')
  await waitForHydration(page)
  // The address bar follows the scroll (its listener is live) once it carries the second page's cursor.
  await expect.poll(async () => {
    await page.mouse.wheel(0, 1500)
    return new URL(page.url()).searchParams.get('cursor')
  }, { timeout: 30_000 }).toBeTruthy()
  const card = page.getByRole('list', { name: 'Products' }).getByRole('heading').getByRole('link').filter({ visible: true }).first()
  await waitForListeners(card)
  const href = (await card.getAttribute('href'))!
  const title = (await card.textContent())!.trim()

  // The router writes the product's address before the product page has rendered: its code loads first, and the
  // listing stays on screen meanwhile. Hold every script asked for once the address is the product's, so that
  // moment lasts until the shopper has scrolled.
  const held: Array<() => Promise<void>> = []
  let holding = true
  await page.route(url => url.pathname.startsWith('/_nuxt/') && url.pathname.endsWith('.js'), async (route) => {
    const opening = holding && await page.evaluate(() => location.pathname) !== '/products'
    // Asked again after the await: a script held once the test had let the others go would be held for good.
    if (opening && holding) held.push(() => route.continue())
    else await route.continue()
  })
  await card.click()
  await expect(page).toHaveURL(href)
  await expect(page.getByRole('heading', { level: 1, name: 'All products' })).toBeVisible()

  // A turn of the wheel (or a trackpad still gliding) while the product opens, seen by the page in the next frame.
  const scrolledBefore = await page.evaluate(() => window.scrollY)
  await page.mouse.wheel(0, 400)
  await expect.poll(() => page.evaluate(() => new Promise<number>(resolve => requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY)))))).toBeGreaterThan(scrolledBefore)

  holding = false
  await Promise.all(held.map(release => release()))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page).toHaveURL(href)
  // A reload is what the address bar says: the product, not the listing.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
})
