import { expect, test, type APIRequestContext } from '../support/test'
import { waitForHydration } from '../support/hydration'
import { productPath } from '../../../utils/routes/paths'

interface Summary { id: number, slug: string, title: string, reviews_count: number }

/** A product nobody has reviewed, read from the demo backend through the storefront (its listing, page by page). */
async function unratedProduct(request: APIRequestContext): Promise<Summary> {
  let next: string | null = '/api/products/?page_size=100'
  while (next) {
    const page = await (await request.get(next)).json() as { results: Summary[], next: string | null }
    const found = page.results.find(product => product.reviews_count === 0)
    if (found) return found
    next = page.next
  }
  throw new Error('the demo catalog has no product without reviews')
}

// A product without reviews says so, in words, where a rated one shows its stars and count; its structured data
// claims no rating (Google refuses an aggregateRating with no reviews).
test('a product without reviews says "No reviews yet" and its JSON-LD has no aggregateRating', async ({ page, request }) => {
  const product = await unratedProduct(request)
  await page.goto(productPath(product))
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.title)

  const main = page.getByRole('main')
  // Under the title, and the reviews section's own message: each once, and no "Rated 0.0".
  await expect(main.getByText('No reviews yet', { exact: true })).toBeVisible()
  await expect(main.getByText('No reviews yet.', { exact: true })).toBeVisible()
  await expect(main.getByText(/Rated 0\.0|\b0 reviews/)).toHaveCount(0)

  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents()
  const productLd = jsonLd.map(text => JSON.parse(text) as Record<string, unknown>).find(ld => ld['@type'] === 'Product')
  expect(productLd?.name).toBe(product.title)
  expect(productLd).not.toHaveProperty('aggregateRating')
})
