import { expect, test, type Locator, type Page } from '../support/test'
import { NO_RING, ringOf } from '../support/focusRing'
import { CART_PATH, WISHLIST_PATH, productPath } from '../../../utils/routes/paths'
import { gotoHydrated } from '../auth/support'
import { addFault, addThroughApi, findProduct, gotoWithCart, resetFaults } from '../cart/support'
import { addAtBackend, newShopper, signInOnPage } from '../wishlist/support'

// Where the app moves the focus itself after a click or a tap (the button pressed gave way to what comes next), the
// element it lands on shows the focus ring a keyboard would give it: a sighted shopper who goes on with the keyboard,
// a screen magnifier following the focus, a switch user, all see where it went. Chromium's own :focus-visible draws
// nothing on what a script focuses after a pointer press. A plain click on a button still draws no ring.

test.afterEach(resetFaults)

/**
 * `target` has the focus and shows a ring, the very one the keyboard gives it: the focus is taken back one stop
 * with Shift+Tab and brought to it again with Tab, and the ring is compared.
 */
async function expectMovedFocusRing(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeFocused()
  const moved = await ringOf(target)
  expect(moved, 'a focus ring is drawn').not.toEqual(NO_RING)
  await page.keyboard.press('Shift+Tab')
  await expect(target).not.toBeFocused()
  await page.keyboard.press('Tab')
  await expect(target).toBeFocused()
  expect(await ringOf(target)).toEqual(moved)
}

test('a clicked "Remove" leads to Undo, and a clicked Undo to the line\'s title, each with the keyboard\'s focus ring', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 3 })
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product.id, quantity: 1 })
  await gotoWithCart(page, CART_PATH)
  const line = page.getByRole('listitem').filter({ hasText: product.title })

  await page.getByRole('button', { name: `Remove ${product.title}` }).click()
  await expect(line).toHaveCount(0)
  await expectMovedFocusRing(page, page.getByRole('button', { name: `Undo: put ${product.title} back in your cart` }))

  await page.getByRole('button', { name: `Undo: put ${product.title} back in your cart` }).click()
  await expectMovedFocusRing(page, line.getByRole('link', { name: product.title }))
})

test('a clicked "Try again" in a "Not added" notice leaves a ringed focus on its "View cart"; the clicked "Add to cart" has none', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 3 })
  await gotoWithCart(page, productPath(product))
  await addFault({ path_pattern: '/cart/items/', method: 'POST', status: 503, count: 1 })
  const add = page.getByRole('button', { name: 'Add to cart', exact: true })
  await add.click()
  const retry = page.getByRole('region', { name: 'Not added to your cart' }).getByRole('button', { name: 'Try again' })
  await expect(retry).toBeVisible()
  // An ordinary click focuses the button pressed and draws no ring: the keyboard's ring is not forced on mouse users.
  await expect(add).toBeFocused()
  expect(await ringOf(add)).toEqual(NO_RING)

  await retry.click()
  await expectMovedFocusRing(page, page.getByRole('region', { name: 'Added to your cart' }).getByRole('link', { name: /^View cart/ }))
})

test('a clicked "Move to cart" puts a ringed focus on the options to choose, and a clicked "Cancel" back on "Move to cart"', async ({ page }) => {
  const shopper = await newShopper('moved-focus-ring')
  const product = await findProduct({ variants: true })
  await addAtBackend(shopper, product.id)
  await gotoHydrated(page, WISHLIST_PATH)
  await signInOnPage(page, shopper)
  await expect(page).toHaveURL(WISHLIST_PATH)

  const move = page.getByRole('button', { name: `Move to cart: ${product.title}` })
  await move.click()
  const options = page.getByRole('group', { name: `Options for ${product.title}` })
  // Only a script focuses the group (tabindex="-1"), so there is no keyboard stop to compare with: drawn is enough.
  await expect(options).toBeFocused()
  expect(await ringOf(options), 'a focus ring is drawn').not.toEqual(NO_RING)

  await options.getByRole('button', { name: 'Cancel' }).click()
  await expectMovedFocusRing(page, move)
})

test('on /wishlist, a clicked "Remove" leads to Undo, and a clicked Undo to the product\'s link, each with the keyboard\'s focus ring', async ({ page }) => {
  const shopper = await newShopper('moved-focus-ring-undo')
  const product = await findProduct({ variants: false })
  await addAtBackend(shopper, product.id)
  await gotoHydrated(page, WISHLIST_PATH)
  await signInOnPage(page, shopper)
  await expect(page).toHaveURL(WISHLIST_PATH)

  await page.getByRole('button', { name: `Remove ${product.title} from wishlist` }).click()
  const undo = page.getByRole('button', { name: `Undo: put ${product.title} back in your wishlist` })
  await expectMovedFocusRing(page, undo)

  await undo.click()
  await expectMovedFocusRing(page, page.getByRole('list', { name: 'Saved products' }).getByRole('link', { name: product.title }))
})
