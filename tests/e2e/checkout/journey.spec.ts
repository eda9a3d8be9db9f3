import { expect, test, type Locator, type Page } from '../support/test'
import { signInThroughForm } from '../auth/support'
import { addTwoProductsAsGuest, expectCartCount } from '../cart/support'
import { waitForHydration } from '../support/hydration'
import {
  PASSWORD, backend, cartAtBackend, confirmedOrderId, expectAxeClean, fillAddress, newShopper, openCheckout, ordersAtBackend,
  placeOrderButton, shopperWithCart, simpleProducts,
} from './support'

// The whole journey of a guest: products in the cart, checkout, sign-in on the way (the cart comes along),
// address, shipping, payment, confirmation; the order is in the history and the cart is empty. axe on every
// step and on the order pages. Then the same checkout by keyboard only, at 320 px.

const api = backend()

test('guest adds products, checks out signing in on the way, pays; the order is in /orders and the cart is empty', async ({ page }) => {
  const shopper = await newShopper(api, 'journey')
  const [mug, lamp] = await simpleProducts(api, 2)
  // As a guest, from the product pages: two of one, one of the other.
  await addTwoProductsAsGuest(page, mug!, lamp!)

  // Checkout asks a guest to sign in (or register), and comes back.
  await page.goto('/checkout')
  await page.waitForURL('**/auth/login?redirect=/checkout')
  await expect(page.getByText('Sign in or create an account to check out.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/auth/register?redirect=/checkout')
  await waitForHydration(page)
  await signInThroughForm(page, shopper.email, PASSWORD)
  await page.waitForURL('**/checkout?step=address')

  // The guest cart was merged into the account's: both lines are in the summary.
  const summary = page.getByRole('complementary', { name: 'Order summary' })
  await expect(summary.getByText(mug!.title)).toBeVisible()
  await expect(summary.getByText(lamp!.title)).toBeVisible()
  await expectAxeClean(page, 'address step')

  // A field left empty is flagged when left, and the message goes once it is fixed.
  const city = page.getByLabel('Town or city')
  await city.fill('x')
  await city.fill('')
  await city.blur()
  await expect(page.getByText('Enter the town or city.')).toBeVisible()
  await expect(city).toHaveAttribute('aria-invalid', 'true')
  await fillAddress(page)
  await expect(page.getByText('Enter the town or city.')).toHaveCount(0)
  await page.getByRole('button', { name: 'Continue to shipping' }).click()

  await expect(page.getByRole('heading', { name: 'Shipping method' })).toBeFocused()
  await expect(page.getByRole('radio', { name: /^Express/ })).toBeVisible()
  await expect(page.getByText(/^Arrives \w{3} \d{1,2} \w{3}/).first()).toBeVisible()
  await expectAxeClean(page, 'shipping step')
  await page.getByRole('radio', { name: /^Express/ }).check()
  await expect(summary.getByText('Shipping (Express)')).toBeVisible()
  await page.getByRole('button', { name: 'Continue to payment' }).click()

  await expect(page.getByRole('heading', { name: 'Payment' })).toBeVisible()
  await expectAxeClean(page, 'payment step')
  await page.getByRole('radio', { name: /^Mastercard/ }).check()
  await page.getByRole('button', { name: 'Continue to review' }).click()

  await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible()
  await expect(page.getByText('Mastercard (test card)')).toBeVisible()
  await expectAxeClean(page, 'review step')
  const shownTotal = await summary.getByRole('definition').last().textContent()
  await placeOrderButton(page).click()

  const id = await confirmedOrderId(page)
  await expectAxeClean(page, 'confirmation')
  // Just bought: "Buy again" would only invite a second order of the same by mistake.
  await expect(page.getByRole('button', { name: 'Buy again' })).toHaveCount(0)
  const orders = await ordersAtBackend(api, shopper)
  expect(orders.map(o => o.id)).toEqual([id])
  expect(orders[0]!.items.map(i => [i.product_id, i.quantity]).sort()).toEqual([[mug!.id, 2], [lamp!.id, 1]].sort())
  expect(shownTotal).toBe(`$${orders[0]!.total}`)
  await expect(page.getByText(orders[0]!.number).first()).toBeVisible()
  expect((await cartAtBackend(api, shopper)).items).toEqual([])
  await expectCartCount(page, 0)

  await page.getByRole('link', { name: 'All your orders' }).click()
  await expect(page.getByRole('heading', { name: 'Your orders' })).toBeVisible()
  await expect(page.getByRole('link', { name: `Order ${orders[0]!.number}` })).toBeVisible()
  await expect(page.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/)
  await expectAxeClean(page, 'order history')

  // Someone else's order (or none) is a 404 page, as accessible as the rest.
  const response = await page.goto('/orders/999999')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Order not found' })).toBeVisible()
  await expectAxeClean(page, 'order not found')
})

/** Tab forward (at least once) until `target` has the focus; fails if it is not reached within `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  const focusedTarget = target.and(page.locator(':focus'))
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if (await focusedTarget.count() > 0) return
  }
  await expect(target, 'reachable by Tab').toBeFocused()
}

test('every field is reachable and the order can be placed by keyboard alone, at 320 px', async ({ page, context, baseURL }) => {
  await page.setViewportSize({ width: 320, height: 720 })
  const { shopper } = await shopperWithCart(context, baseURL!, api, 'keyboard', [1])
  await openCheckout(page)
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(320)

  await page.getByRole('heading', { name: 'Checkout', level: 1 }).click()
  for (const [label, text] of [['Full name', 'Kay Board'], ['Street address', '1 Tab Street'], ['Apartment, suite, building', 'Flat 2'], ['Town or city', 'Leeds'], ['Postal code', 'LS1 1AA']] as const) {
    await tabTo(page, page.getByRole('textbox', { name: label }))
    await page.keyboard.type(text)
  }
  await tabTo(page, page.getByRole('combobox', { name: 'Country' }))
  await page.keyboard.type('United Kingdom')
  await tabTo(page, page.getByRole('textbox', { name: 'Phone' }))
  await page.keyboard.type('+44 113 496 0000')
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Shipping method' })).toBeFocused()
  await tabTo(page, page.getByRole('radio', { name: /^Standard/ }))
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radio', { name: /^Express/ })).toBeChecked()
  await tabTo(page, page.getByRole('button', { name: 'Continue to payment' }))
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Payment' })).toBeFocused()
  await tabTo(page, page.getByRole('radio', { name: /^Visa/ }))
  await page.keyboard.press('Space')
  await expect(page.getByRole('radio', { name: /^Visa/ })).toBeChecked()
  await tabTo(page, page.getByRole('button', { name: 'Continue to review' }))
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Review your order' })).toBeFocused()
  await tabTo(page, placeOrderButton(page))
  await page.keyboard.press('Enter')
  const id = await confirmedOrderId(page)
  const [order] = await ordersAtBackend(api, shopper)
  expect(order?.id).toBe(id)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
})
