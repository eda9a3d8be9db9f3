import { expect, test } from '../support/test'
import { addFault, resetFaults } from '../cart/support'
import { backend, shopperWithCart } from './support'

// Checkout's cart could not be read: like the cart page, the failure says so, counts down to an attempt of its own
// and makes it, and keeps "Try again" (at once) and the way back to the cart. It used to wait for the button only,
// while its message told the shopper to try again in a few seconds.
const api = backend()

test.afterEach(resetFaults)

test('a checkout whose cart cannot be read retries by itself and opens once the shop answers', async ({ page, context, baseURL }) => {
  const { products } = await shopperWithCart(context, baseURL!, api, 'cart-retry', [1])
  await addFault({ path_pattern: '/cart/', method: 'GET', status: 503, count: 1000 })
  await page.goto('/checkout')

  const failed = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Try again' }) })
  await expect(failed.getByRole('button', { name: 'Try again' })).toBeVisible({ timeout: 15_000 })
  await expect(failed).toContainText(/Trying again in \d+ s…/)
  await expect(page.getByRole('link', { name: 'Back to your cart' })).toBeVisible()
  // An early "Try again" that fails too starts a new round of automatic attempts.
  await failed.getByRole('button', { name: 'Try again' }).click()
  await expect(failed).toContainText(/Trying again in \d+ s…/, { timeout: 15_000 })

  // No click: the next automatic attempt (2-4 s away, after the API core's own retries) reads the cart.
  await resetFaults()
  await expect(page.getByRole('heading', { name: 'Delivery address' })).toBeVisible({ timeout: 15_000 })
  await expect(page.getByRole('heading', { name: 'Order summary' })).toBeVisible()
  await expect(page.getByText(products[0]!.title).first()).toBeVisible()
  await expect(failed).toHaveCount(0)
})
