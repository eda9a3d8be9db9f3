import { expect, test, type APIRequestContext } from '../support/test'
import { holdComponent, waitForHydration, waitForListeners } from '../support/hydration'
import { productPath, PRODUCTS_PATH } from '../../../utils/routes/paths'
import { trackCatalogRequests } from './support'

interface Summary { id: number, slug: string }
interface Detail extends Summary { variants: Array<{ id: number, options: Record<string, string>, in_stock: boolean }>, reviews_count: number }

/** The first product (newest first) that matches `accept`, read from the demo backend through the storefront. */
async function findProduct(request: APIRequestContext, accept: (detail: Detail) => boolean): Promise<Detail> {
  const list = await (await request.get('/api/products/?page_size=60')).json() as { results: Summary[] }
  for (const summary of list.results) {
    const detail = await (await request.get(`/api/products/${summary.id}/`)).json() as Detail
    if (accept(detail)) return detail
  }
  throw new Error('no product in the first page matches')
}

test('a product page is server-rendered with sanitized description, and hydration fetches nothing', async ({ page, request }) => {
  const product = await findProduct(request, d => d.reviews_count > 5)
  const html = await (await request.get(productPath(product))).text()
  expect(html).toMatch(/<h1[^>]*id="product-title"[^>]*>[^<]+<\/h1>/)
  expect(html).toContain('Add to cart')
  expect(html).toMatch(/<h2[^>]*>Description<\/h2>/)
  expect(html).toMatch(/<h2[^>]*>Reviews<\/h2>/)

  const requests = trackCatalogRequests(page)
  await page.goto(productPath(product))
  await waitForHydration(page)
  await page.waitForLoadState('networkidle')
  expect(requests.filter(url => url.pathname.startsWith('/api/products/') || url.pathname === '/api/categories/')).toEqual([])

  // Reviews page by cursor, by keyboard: the focus stays in the reviews while more load (on the button, or on the
  // "that is all" line once it was the last page), never dropped to the start of the page.
  const region = page.getByRole('region', { name: 'Reviews' })
  const reviews = region.getByRole('article')
  const shown = await reviews.count()
  await page.getByRole('button', { name: 'More reviews' }).focus()
  await page.keyboard.press('Enter')
  await expect.poll(() => reviews.count()).toBeGreaterThan(shown)
  await expect(region.locator(':focus')).toHaveCount(1)
})

test('"More reviews" pressed before the reviews have hydrated loads the next reviews once their code is there', async ({ page, request }) => {
  const product = await findProduct(request, d => d.reviews_count > 5)
  const chunk = await holdComponent(page, 'ProductReviews')
  await page.goto(productPath(product))
  await waitForHydration(page)
  await expect.poll(() => chunk.held(), { message: 'the reviews\' code is on its way and held' }).toBe(1)
  const reviews = page.getByRole('region', { name: 'Reviews' }).getByRole('article')
  await expect(reviews).toHaveCount(5)
  await page.getByRole('button', { name: 'More reviews' }).click()

  await chunk.release()
  await expect.poll(() => reviews.count()).toBeGreaterThan(5)
})

test('the chosen variant is in the URL, survives a reload, and unlocks the button', async ({ page, request }) => {
  const product = await findProduct(request, d => d.variants.length > 1 && d.variants.some(v => v.in_stock))
  const variant = product.variants.find(v => v.in_stock)!
  await page.goto(productPath(product))
  await waitForHydration(page)

  const add = page.getByRole('button', { name: 'Add to cart', exact: true })
  await expect(add).toBeDisabled()
  for (const [name, value] of Object.entries(variant.options)) {
    await page.getByRole('group', { name: new RegExp(`^${name}`, 'i') }).getByRole('radio', { name: value, exact: true }).check()
  }
  await expect(page).toHaveURL(new RegExp(`[?&]variant=${variant.id}`))
  await page.reload()
  await waitForHydration(page)
  for (const value of Object.values(variant.options)) await expect(page.getByRole('radio', { name: value, exact: true })).toBeChecked()
  // With the whole variant chosen (from the URL), nothing is missing: the button is live.
  await expect(add).toBeEnabled()
})

test('client navigation from a card shows the product, and back shows the list again', async ({ page }) => {
  await page.goto(PRODUCTS_PATH)
  await waitForHydration(page)
  const first = page.getByRole('list', { name: 'Products' }).getByRole('link').first()
  const title = (await first.textContent())!.trim()
  // The server writes a card's link as a plain <a> (components/ui/UiLink.ts); the grid's hydration (when idle) makes
  // it NuxtLink's, so a click is a client navigation: no document is loaded. (Before that, a click is an ordinary
  // link's, which loads the page: right too, and not what this test is about.)
  await waitForListeners(first)
  const documents: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documents.push(request.url())
  })
  await first.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(title)
  expect(documents).toEqual([])
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All products')
})
