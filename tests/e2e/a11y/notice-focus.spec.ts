import { expect, test } from '../support/test'
import { productPath } from '../../../utils/routes/paths'
import { gotoHydrated, signInThroughForm, uniqueEmail } from '../auth/support'
import { addFault, findProduct, gotoWithCart, resetFaults } from '../cart/support'

// A message the app moves the focus to (what went wrong with a sign-in, a checkout notice) shows that it has it, as
// every other focused control does: after a clicked button Chromium matches no :focus-visible on the element a script
// focuses next, and that is where the keyboard goes on from. And a control that goes away once it has done its work
// leaves the focus on what took its place, not at the start of the page.

test.afterEach(resetFaults)

test('the sign-in error, focused after a clicked "Sign in", shows a focus ring', async ({ page }) => {
  await gotoHydrated(page, '/auth/login')
  await signInThroughForm(page, uniqueEmail('notice-ring'), 'not-the-password')
  const summary = page.getByRole('alert').filter({ hasText: 'The email or password is not right.' })
  await expect(summary).toBeFocused()
  // Tailwind's ring is a box-shadow: none without it.
  expect(await summary.evaluate(el => getComputedStyle(el).boxShadow)).not.toBe('none')
  await page.keyboard.press('Tab')
  await expect(summary).not.toBeFocused()
  expect(await summary.evaluate(el => getComputedStyle(el).boxShadow)).toBe('none')
})

test('"Try again" in a "Not added" notice that then adds leaves the focus on the notice\'s "View cart"', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 3 })
  await gotoWithCart(page, productPath(product))
  await addFault({ path_pattern: '/cart/items/', method: 'POST', status: 503, count: 1 })
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await page.getByRole('region', { name: 'Not added to your cart' }).getByRole('button', { name: 'Try again' }).press('Enter')
  await expect(page.getByRole('region', { name: 'Added to your cart' }).getByRole('link', { name: /^View cart/ })).toBeFocused()
})
