import { expect, test } from '@playwright/test'
import { waitForHydration } from '../support/hydration'
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

test('/search?q= is server-rendered with the first results and facet counts, and hydration fetches nothing', async ({ page }) => {
  const requests = recordApiRequests(page)
  const response = await page.goto('/search?q=wireless')
  const html = await response!.text()

  expect(html).toContain('Results for “wireless”')
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
  const response = await page.goto('/search?q=hedphones')
  const html = await response!.text()
  expect(html).toContain('No results for “hedphones”')
  expect(html).toMatch(/Did you mean <a[^>]*href="\/search\?q=headphones"/)
  expect(html).toContain('Popular categories')
  expect(html).toMatch(/<meta name="robots" content="noindex, follow"/)

  await waitForHydration(page)
  await page.waitForLoadState('networkidle')
  expect(requests).toEqual([])

  await page.getByRole('link', { name: 'headphones' }).click()
  await expect(page).toHaveURL(/\/search\?q=headphones$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “headphones”')
  await expect(page.getByRole('list', { name: 'Products' }).getByRole('listitem').first()).toBeVisible()
})
