import { expect, test } from '../support/test'
import { waitForHydration } from '../support/hydration'
import { addThroughApi, cartButton, expectCartCount, findProduct } from '../cart/support'

// The error page has the header every page has: a shopper who followed a dead link still sees their cart (its count,
// the mini-cart) and can go to it, not only the wishlist and the account.

test('a page that does not exist keeps the header\'s cart with its count', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 2 })
  await page.goto('/')
  await addThroughApi(page, { product_id: product.id, quantity: 2 })

  const response = await page.goto('/no-such-page')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'We could not find this page' })).toBeVisible()
  // Server-rendered as the link to the cart, then the mini-cart's button with the count once idle.
  await expect(page.getByRole('banner').getByRole('link', { name: 'Cart' }).or(cartButton(page))).toBeVisible()
  await waitForHydration(page)
  await expectCartCount(page, 2)
  await cartButton(page).click()
  await expect(cartButton(page)).toHaveAttribute('aria-expanded', 'true')
})
