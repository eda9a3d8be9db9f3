import { expect, test } from '../support/test'
import { startStorefront, type Running } from '../../integration/server/support/processes'
import { DEMO_PROFILES } from '../../mocks/profile'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { productIdFromPath } from '../../../utils/routes/productSegment'
import { waitForHydration } from '../support/hydration'

// A backend whose DEFAULT_PAGINATION_CLASS is DRF's PageNumberPagination (the demo's drf-page-number profile):
// `next` is `?page=2`, with no cursor. Scrolling the listing must load on past the first 24 products to the end.

const PRODUCTS = 60

let demo: RunningDemoApi
let web: Running

test.beforeAll(async () => {
  demo = await startDemoApi({ seedProducts: PRODUCTS, faults: false, profile: DEMO_PROFILES['drf-page-number'] })
  web = await startStorefront({ apiBase: demo.url, siteUrl: 'http://127.0.0.1' })
})

test.afterAll(async () => {
  await web?.stop()
  await demo?.close()
})

test('scrolling a listing paged by page number shows every product, past the first 24, once', async ({ page }) => {
  await page.goto(`${web.url}/products`)
  await waitForHydration(page)
  const grid = page.getByRole('list', { name: 'Products' })
  const end = page.getByText('You have seen all products.')
  // Down to the bottom until the list says it is complete: each time at the bottom, the next page loads by itself.
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await expect(end).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })

  // The grid keeps only the cards near the screen: the last one says where it stands and how many there are.
  const last = grid.getByRole('listitem').last()
  await expect(last).toHaveAttribute('aria-posinset', String(PRODUCTS))
  await expect(last).toHaveAttribute('aria-setsize', String(PRODUCTS))
  expect(productIdFromPath(await last.getByRole('link').first().getAttribute('href') ?? '')).toBe(demo.backend.db.index.sorted['-created_at'].at(-1)!.id)
})
