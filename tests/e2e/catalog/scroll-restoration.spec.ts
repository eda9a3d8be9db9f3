import { expect, test } from '../support/test'
import { holdScripts, waitForHydration } from '../support/hydration'
import { isListRequest, trackCatalogRequests } from './support'

test('product 200 -> its page -> back restores the same position without asking again for a page it had', async ({ page }) => {
  const requests = trackCatalogRequests(page)
  await page.goto('/products')
  await waitForHydration(page)

  const card = page.locator('[role="listitem"][aria-posinset="200"]')
  // Scroll like a shopper until the 200th product exists (infinite scroll loads pages on the way).
  await expect(async () => {
    await page.mouse.wheel(0, 2000)
    await expect(card).toBeAttached({ timeout: 500 })
  }).toPass({ timeout: 30_000 })
  await card.scrollIntoViewIfNeeded()
  const link = card.getByRole('link')
  const href = await link.getAttribute('href')
  const before = { scrollY: await page.evaluate(() => window.scrollY), top: (await card.boundingBox())!.y }

  await link.click()
  await expect(page).toHaveURL(href!)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // The heading shows from the card's summary; the product page then asks for its details and its related products
  // (a list of the same endpoint, filtered by category). Let those finish so they are not counted after "back".
  await expect(page.getByRole('list', { name: 'Related products' })).toBeVisible()
  const listingRequests = () => requests.filter(url => isListRequest(url) && !url.searchParams.has('category'))
  const listRequestsBefore = listingRequests().length

  await page.goBack()
  // The address bar may follow the scroll (?cursor= of the page at the top, and from= the page before it, which the
  // list walked): the list is the same either way.
  await expect(page).toHaveURL(/\/products(\?cursor=[^&]+(&from=[^&]+)?)?$/)
  const restored = page.locator('[role="listitem"][aria-posinset="200"]')
  await expect(restored.getByRole('link')).toHaveAttribute('href', href!)
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before.scrollY)
  expect(Math.abs((await restored.boundingBox())!.y - before.top)).toBeLessThanOrEqual(1)
  // Nothing it had is asked again: no first page, no cursor it already loaded. (The end of the list may be near
  // product 200, and a next page the shopper was about to reach may load: that is infinite scroll, not a reload.)
  const lists = listingRequests()
  const cursorsBefore = lists.slice(0, listRequestsBefore).map(url => url.searchParams.get('cursor'))
  const afterBack = lists.slice(listRequestsBefore).map(url => url.searchParams.get('cursor'))
  expect(afterBack.filter(cursor => cursor === null || cursorsBefore.includes(cursor))).toEqual([])
  expect(afterBack.length).toBeLessThanOrEqual(1)
})

test('scrolling before the app has started keeps the place, and reaching the end loads the next page', async ({ page }) => {
  // The app starts after the first paint (server/utils/html/beforeHydration.ts): hold its scripts to scroll first.
  const scripts = await holdScripts(page)
  await page.goto('/products?page_size=100', { waitUntil: 'commit' })
  const grid = page.getByRole('list', { name: 'Products' })
  await expect(grid).toHaveAttribute('data-items', '100')
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  const scrolled = await page.evaluate(() => window.scrollY)
  expect(scrolled, 'the server page is long enough to scroll').toBeGreaterThan(1000)
  await expect.poll(() => scripts.held(), { message: 'no app script had run when the shopper scrolled' }).toBeGreaterThan(0)

  await scripts.release()
  await waitForHydration(page)
  // No nudge: being at the end when the grid starts is enough for the next page, and the shopper is not moved up.
  await expect(grid).toHaveAttribute('data-items', '200')
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThanOrEqual(scrolled)
})
