import { expect, test } from '../support/test'
import { startStorefront, type Running } from '../../integration/server/support/processes'
import { DEMO_PROFILES } from '../../mocks/profile'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { waitForHydration } from '../support/hydration'
import { firstIds } from './support'

// A bookmarked listing whose brand the shop has since removed, on a backend that refuses it as django-filter does
// (drf-variants: 400 `{"brand": ["Select a valid choice. gone is not one ..."]}`). The shopper keeps the rest.

let demo: RunningDemoApi
let web: Running

test.beforeAll(async () => {
  demo = await startDemoApi({ seedProducts: 120, faults: false, profile: DEMO_PROFILES['drf-variants'] })
  web = await startStorefront({ apiBase: demo.url, siteUrl: 'http://127.0.0.1' })
})

test.afterAll(async () => {
  await web?.stop()
  await demo?.close()
})

test('a link naming a removed brand shows the in-stock products without it, says so, and fixes the address', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: web.url })
  const page = await context.newPage()

  const answer = await context.request.get('/products?brand=gone&in_stock=1', { maxRedirects: 0 })
  expect(answer.status()).toBe(200)

  await page.goto('/products?brand=gone&in_stock=1')
  await expect(page.getByRole('status').filter({ hasText: 'The brand ‘gone’ is no longer available, so it was left out.' })).toBeVisible()
  await waitForHydration(page)
  // Replaced, not pushed: the address says what the page shows.
  await expect(page).toHaveURL(/\/products\?in_stock=1$/)
  await expect(page.getByText('We could not load')).toHaveCount(0)
  const filters = page.getByRole('complementary', { name: 'Filters' })
  await expect(filters.getByRole('checkbox', { name: /In stock only/ })).toBeChecked()

  const inStock = new Set(demo.backend.db.products.filter(product => product.stock > 0).map(product => product.id))
  await expect.poll(async () => (await firstIds(page)).length).toBeGreaterThan(0)
  expect((await firstIds(page)).filter(id => !inStock.has(id))).toEqual([])
  await context.close()
})

test('a link naming two removed brands and one the shop has shows that brand\'s products and names both removed ones', async ({ browser }) => {
  const kept = [...demo.backend.db.brandBySlug.values()].find(brand => demo.backend.db.products.some(product => product.brandId === brand.id))!
  const context = await browser.newContext({ baseURL: web.url })
  const page = await context.newPage()

  // django-filter names one of them per answer: the storefront needs two answers to learn both.
  await page.goto(`/products?brand=gone1&brand=${kept.slug}&brand=gone2`)
  await expect(page.getByRole('status').filter({ hasText: 'The brands ‘gone1’ and ‘gone2’ are no longer available, so they were left out.' })).toBeVisible()
  await waitForHydration(page)
  await expect(page).toHaveURL(new RegExp(`/products\\?brand=${kept.slug}$`))
  await expect(page.getByText('We could not load')).toHaveCount(0)

  const ofBrand = new Set(demo.backend.db.products.filter(product => product.brandId === kept.id).map(product => product.id))
  await expect.poll(async () => (await firstIds(page)).length).toBeGreaterThan(0)
  expect((await firstIds(page)).filter(id => !ofBrand.has(id))).toEqual([])
  await context.close()
})
