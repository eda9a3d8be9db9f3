import { expect, test } from '../support/test'
import { CART_PATH } from '../../../utils/routes/paths'
import { addFault, addThroughApi, cartButton, expectCartCount, findProduct, gotoWithCart, resetFaults } from './support'

// The cart page when reading the cart fails: said as every other page says a failed load (role=alert, what failed,
// "Try again"), retried by itself, and gone once the cart has been read.

test.afterEach(resetFaults)

test('a cart that could not be read again is flagged as maybe out of date, and the flag goes once it is read', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 3 })
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product.id, quantity: 1 })
  await gotoWithCart(page, '/')
  await expectCartCount(page, 1)
  // To the cart page inside the running app, as a shopper goes: the mini cart's "View cart" link.
  await cartButton(page).click()
  const viewCart = page.getByRole('link', { name: 'View cart', exact: true })
  await expect(viewCart).toHaveAttribute('href', CART_PATH)

  await addFault({ path_pattern: '/cart/', method: 'GET', status: 503, count: 100 })
  await viewCart.click()
  await expect(page).toHaveURL(new RegExp(`${CART_PATH}$`))
  const stale = page.getByRole('alert').filter({ hasText: 'We could not load the latest version of your cart' })
  await expect(stale).toContainText('The cart below may be out of date.')
  await expect(stale.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Items in your cart' })).toContainText(product.title)

  // The next automatic attempt is 2-4 s away (useAutoRetry), after the API core's own retries: room for both.
  await resetFaults()
  await expect(stale).toHaveCount(0, { timeout: 15_000 })
  await expect(page.getByRole('list', { name: 'Items in your cart' })).toContainText(product.title)
})

test('a cart that cannot be read at first says so, and shows by itself once the shop answers', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 3 })
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product.id, quantity: 1 })

  await addFault({ path_pattern: '/cart/', method: 'GET', status: 500, count: 100 })
  await page.goto(CART_PATH)
  const failed = page.getByRole('alert').filter({ hasText: 'We could not load your cart.' })
  await expect(failed.getByRole('button', { name: 'Try again' })).toBeVisible()

  await resetFaults()
  await expect(page.getByRole('list', { name: 'Items in your cart' })).toContainText(product.title, { timeout: 15_000 })
  await expect(failed).toHaveCount(0)
})
