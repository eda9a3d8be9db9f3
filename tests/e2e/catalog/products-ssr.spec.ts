import { expect, test } from '../support/test'
import { waitForHydration } from '../support/hydration'
import { isListRequest, trackCatalogRequests } from './support'

test('the first page and the filters with counts are in the server HTML', async ({ request }) => {
  const html = await (await request.get('/products')).text()
  const cards = html.match(/<article[^>]*>[\s\S]*?<\/article>/g) ?? []
  expect(cards).toHaveLength(24)
  expect(html).toMatch(/href="\/products\/\d+-[a-z0-9-]+"/)
  expect(html).toMatch(/[\d,]+ products<\/p>/)
  // Brand facet: a checkbox per brand with its count; category tree links with counts.
  expect(html).toMatch(/<legend[^>]*>Brand<\/legend>/)
  expect(html).toMatch(/<span class="text-gray-500">\(\d+\)<\/span>/)
  expect(html).toMatch(/href="\/categories\/[a-z0-9-]+"[^>]*>[^<]+<span class="text-gray-500"> \(\d+\)<\/span>/)
})

test('hydration fires no list, facet or category request, and the next page continues from the server cursor', async ({ page }) => {
  const requests = trackCatalogRequests(page)
  await page.goto('/products')
  await waitForHydration(page)
  await page.waitForLoadState('networkidle')

  // The grid virtualizes once mounted (only rows near the viewport are in the DOM): count what it holds.
  const grid = page.getByRole('list', { name: 'Products' })
  await expect(grid).toHaveAttribute('data-items', '24')
  await expect(grid.getByRole('listitem').first()).toHaveAttribute('aria-posinset', '1')
  expect(requests).toEqual([])

  // Infinite scroll may fetch the same page first when the button scrolls into view: either way it is one
  // request per page, each from the previous page's cursor.
  await page.getByRole('button', { name: 'Load more' }).click()
  await expect.poll(async () => Number(await grid.getAttribute('data-items'))).toBeGreaterThanOrEqual(48)
  const lists = requests.filter(isListRequest)
  expect(lists.length).toBeGreaterThanOrEqual(1)
  const cursors = lists.map(url => url.searchParams.get('cursor'))
  expect(cursors.every(Boolean)).toBe(true)
  expect(new Set(cursors).size).toBe(cursors.length)
  expect(Number(await grid.getAttribute('data-items'))).toBe(24 * (lists.length + 1))
})
