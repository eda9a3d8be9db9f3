import { expect, test, type Page } from '../support/test'
import { productPath, PRODUCTS_PATH } from '../../../utils/routes/paths'
import { waitForHydration } from '../support/hydration'
import { cartAtBackend, expectCartCount, findProduct } from './support'

// "Add to cart" pressed while offline, on a page that has not loaded the cart's code yet (it comes after the first
// view: the header's cart control at idle, or the first press). The press must not be lost, nor made twice behind
// the shopper's back: the page says it is offline, and the product is added once when the connection is back
// (server/utils/html/chunkRetry.ts, through Vite's preload helper: utils/build/retryableChunkImports.ts).

/**
 * Holds back the cart's code (the chunks with the cart store's runtime hook) until fail(): then they fail as
 * requests do offline. What the browser asks for after that is served as usual.
 */
async function holdCartCode(page: Page): Promise<{ held: () => number, fail: () => Promise<void> }> {
  const held: Array<() => Promise<void>> = []
  let holding = true
  await page.route(/\/_nuxt\/[^/]+\.js$/, async (route) => {
    const response = await route.fetch()
    if (holding && (await response.text()).includes('startRuntime')) held.push(() => route.abort('internetdisconnected'))
    else await route.fulfill({ response })
  })
  return {
    held: () => held.length,
    fail: async () => {
      holding = false
      await Promise.all(held.splice(0).map(abort => abort()))
    },
  }
}

// A chunk still on its way when a test ends (its context closing under it) is no failure of the test.
test.afterEach(({ page }) => page.unrouteAll({ behavior: 'ignoreErrors' }))

test('"Add to cart" pressed offline before the cart\'s code has loaded says so, and adds once when back online', async ({ page, context }) => {
  const product = await findProduct({ variants: false, minStock: 3 })
  const cartCode = await holdCartCode(page)
  await page.goto(productPath(product))
  await waitForHydration(page)
  await expect.poll(cartCode.held, { message: 'the header asked for the cart\'s code' }).toBeGreaterThan(0)

  await context.setOffline(true)
  const add = page.getByRole('main').getByRole('button', { name: 'Add to cart', exact: true })
  await add.click()
  await cartCode.fail()
  const alert = page.getByRole('alert').filter({ hasText: 'You are offline' })
  await expect(alert).toBeVisible()
  // The press is under way, not failed; pressing again meanwhile does not add a second one.
  await expect(add).toHaveAttribute('aria-disabled', 'true')
  // aria-disabled, not disabled (UiButton: the focus stays): a shopper can still press it.
  await add.click({ force: true })
  await expect(page.getByRole('main').getByText('Could not add to the cart')).toHaveCount(0)

  await context.setOffline(false)
  await expect(page.getByRole('region', { name: 'Added to your cart' })).toContainText(product.title)
  await expectCartCount(page, 1)
  await expect(alert).toHaveCount(0)
  expect((await cartAtBackend(page)).items).toEqual([expect.objectContaining({ product_id: product.id, quantity: 1 })])
})

test('a quick add pressed offline before the cart\'s code has loaded says so, and adds once when back online', async ({ page, context }) => {
  const cartCode = await holdCartCode(page)
  await page.goto(PRODUCTS_PATH)
  await waitForHydration(page)
  await expect.poll(cartCode.held, { message: 'the header asked for the cart\'s code' }).toBeGreaterThan(0)
  const card = page.getByRole('list', { name: 'Products' }).getByRole('listitem').first()
  const quickAdd = card.getByRole('button', { name: /^Add to cart: ./ })
  const title = (await quickAdd.getAttribute('aria-label'))!.replace(/^Add to cart: /, '')

  await context.setOffline(true)
  await quickAdd.click()
  await cartCode.fail()
  const alert = page.getByRole('alert').filter({ hasText: 'You are offline' })
  await expect(alert).toBeVisible()
  // The press is under way, not failed, and cannot be made again meanwhile.
  await expect(card.getByRole('button', { name: `Adding…: ${title}` })).toBeDisabled()

  await context.setOffline(false)
  await expect(page.getByRole('region', { name: 'Added to your cart' })).toContainText(title)
  await expectCartCount(page, 1)
  await expect(alert).toHaveCount(0)
  expect((await cartAtBackend(page)).items.map(line => line.quantity)).toEqual([1])
})
