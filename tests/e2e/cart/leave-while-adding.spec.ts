import { expect, test, type Page } from '../support/test'
import { productPath } from '../../../utils/routes/paths'
import { addFault, backendRoutes, cartAtBackend, expectCartCount, findProduct, gotoWithCart, resetFaults } from './support'

// A guest's first "Add to cart" creates the cart, and its answer is what gives the browser the cart's cookie. The
// count is shown at once (the addition is on its way), so a shopper may go to another page - a full page load -
// before the backend has answered. The addition must still land in the cart this browser keeps, not in a cart
// nobody holds a cookie for: the backend is slowed down here so that the answer is due only after the next page
// has loaded.

test.afterEach(resetFaults)

/**
 * Resolves once the addition's request has left the page: the count shows at once, before the cart's code and the
 * request are under way, and a page left before that sent nothing (CI met it: the next page then waited for a cart
 * being made that never was). "On its way" is what these tests are about.
 */
function additionSent(page: Page): Promise<unknown> {
  return page.waitForRequest(request => request.method() === 'POST' && new URL(request.url()).pathname === '/api/cart/items/')
}

async function twoProducts() {
  const mug = await findProduct({ variants: false, minStock: 3 })
  const lamp = await findProduct({ variants: false, minStock: 3, skip: [mug.id] })
  return { mug, lamp }
}

test('a full page load while the first "Add to cart" is on its way keeps what was added', async ({ page }) => {
  const { mug, lamp } = await twoProducts()
  await resetFaults()
  await gotoWithCart(page, productPath(mug))
  await addFault({ path_pattern: '/cart/items/', method: 'POST', latency_ms: 3000, count: 1 })
  await page.getByRole('button', { name: 'Increase quantity' }).click()
  const sent = additionSent(page)
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expectCartCount(page, 2)
  await sent

  await gotoWithCart(page, productPath(lamp))
  // The addition made from the page left behind reaches the backend, and this browser's cart is the one holding it.
  await expect.poll(async () => (await backendRoutes())['POST /cart/items/'] ?? 0).toBe(1)
  await expect.poll(async () => (await cartAtBackend(page)).items_count, { timeout: 10_000 }).toBe(2)

  await page.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expectCartCount(page, 3)
  const cart = await cartAtBackend(page)
  expect(cart.items.map(line => [line.product_id, line.quantity]).sort()).toEqual([[mug.id, 2], [lamp.id, 1]].sort())
})

test('"Add to cart" on the next page while the first addition is still on its way adds to the same cart', async ({ page }) => {
  const { mug, lamp } = await twoProducts()
  await resetFaults()
  await gotoWithCart(page, productPath(mug))
  await addFault({ path_pattern: '/cart/items/', method: 'POST', latency_ms: 3000, count: 1 })
  const sent = additionSent(page)
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expectCartCount(page, 1)
  await sent

  // The first addition has no answer yet when the second is asked for: both must end in one cart.
  await gotoWithCart(page, productPath(lamp))
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expectCartCount(page, 2)
  const cart = await cartAtBackend(page)
  expect(cart.items.map(line => [line.product_id, line.quantity]).sort()).toEqual([[mug.id, 1], [lamp.id, 1]].sort())
})
