import { expect, test } from '../support/test'
import { waitForHydration, waitForListeners } from '../support/hydration'
import { resetFaults } from './support'

test.beforeEach(async () => {
  await resetFaults()
})
test.afterEach(async () => {
  await resetFaults()
})

function recordApiRequests(page: import('@playwright/test').Page): string[] {
  const seen: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    // Data requests only: images are served under /api/media/ too.
    if (url.pathname.startsWith('/api/') && ['fetch', 'xhr'].includes(request.resourceType())) seen.push(`${request.method()} ${url.pathname}${url.search}`)
  })
  return seen
}

/** The app's JavaScript files the page loads, as responses (to read them afterwards). */
function recordScripts(page: import('@playwright/test').Page): import('@playwright/test').Response[] {
  const seen: import('@playwright/test').Response[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/_nuxt/') && response.request().resourceType() === 'script') seen.push(response)
  })
  return seen
}

/** Whether one of those files is fuse.js (recognized by one of its error messages, which minifying keeps). */
async function loadedFuse(scripts: import('@playwright/test').Response[]): Promise<boolean> {
  const texts = await Promise.all(scripts.map(response => response.text()))
  return texts.some(text => text.includes('Pattern length exceeds max'))
}

test('/search?q= is server-rendered with the first results and facet counts, and hydration fetches nothing', async ({ page }) => {
  const requests = recordApiRequests(page)
  const response = await page.goto('/search?q=wireless')
  const html = await response!.text()

  // The term is isolated for bidirectional text (<bdi>); what a reader sees is the sentence around it.
  expect(html.replace(/<\/?bdi>/g, '')).toContain('Results for “wireless”')
  expect(html).toMatch(/<meta name="robots" content="noindex, follow"/)
  expect(html.match(/<article/g)?.length).toBeGreaterThanOrEqual(12)
  expect(html).toMatch(/Wireless Headphones/)
  // Facet counts: a brand checkbox label followed by its count.
  expect(html).toMatch(/<span class="text-gray-\d+">\(\d+\)<\/span>/)

  await waitForHydration(page)
  await page.waitForLoadState('networkidle')
  expect(requests).toEqual([])
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “wireless”')
})

test('zero results: "did you mean" and popular categories are in the server HTML, and the suggestion works', async ({ page }) => {
  const requests = recordApiRequests(page)
  const scripts = recordScripts(page)
  const response = await page.goto('/search?q=hedphones')
  const html = await response!.text()
  expect(html.replace(/<\/?bdi>/g, '')).toContain('No results for “hedphones”')
  expect(html).toMatch(/Did you mean <a[^>]*href="\/search\?q=headphones"/)
  expect(html).toContain('Popular categories')
  expect(html).toMatch(/<meta name="robots" content="noindex, follow"/)
  // Help finding something else, not a sort, filters and an empty grid over nothing.
  expect(html).not.toMatch(/No products match these filters\.|There are no products here yet\./)
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveCount(0)
  await expect(page.getByRole('complementary', { name: 'Filters' })).toHaveCount(0)

  await waitForHydration(page)
  await page.waitForLoadState('networkidle')
  expect(requests).toEqual([])
  // The correction came in the payload: hydrating does not load the fuzzy engine to work it out again.
  expect(await loadedFuse(scripts)).toBe(false)

  await page.getByRole('link', { name: 'headphones' }).click()
  await expect(page).toHaveURL(/\/search\?q=headphones$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “headphones”')
  await expect(page.getByRole('list', { name: 'Products' }).getByRole('listitem').first()).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toBeVisible()
})

test('a search that finds nothing after a client-side navigation still offers "did you mean"', async ({ page }) => {
  await page.goto('/search?q=headphones')
  await waitForHydration(page)
  const box = page.getByRole('combobox', { name: 'Search products' })
  await box.fill('hedphones')
  await box.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=hedphones$/)
  await expect(page.getByText('No results for “hedphones”')).toBeVisible()
  // (Exact: product cards named "… Headphones" are links too, and the old results may still be on screen a moment.)
  await expect(page.getByRole('region', { name: 'No results for “hedphones”' }).getByRole('link', { name: 'headphones', exact: true })).toHaveAttribute('href', '/search?q=headphones')
})

test('after a search from the results page, back and forward show each page’s term in the box, unless the shopper is typing', async ({ page }) => {
  await page.goto('/search?q=tee')
  await waitForHydration(page)
  const box = page.getByRole('combobox', { name: 'Search products' })
  const heading = page.getByRole('heading', { level: 1 })
  await expect(box).toHaveValue('tee')
  // The box hydrates when idle; before that, Enter would submit its form as a full page load.
  await waitForListeners(box)
  // Enter leaves the focus in the box, as a shopper's search does.
  await box.fill('lamp')
  await box.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=lamp$/)
  await expect(heading).toHaveText('Results for “lamp”')
  await expect(box).toBeFocused()

  await page.goBack()
  await expect(heading).toHaveText('Results for “tee”')
  await expect(box).toHaveValue('tee')
  await page.goForward()
  await expect(heading).toHaveText('Results for “lamp”')
  await expect(box).toHaveValue('lamp')

  // Text being typed is the shopper's: a route change under it leaves it alone.
  await box.focus()
  await page.keyboard.press('End')
  await page.keyboard.type('s de')
  await page.goBack()
  await expect(heading).toHaveText('Results for “tee”')
  await expect(box).toHaveValue('lamps de')
})
