import { expect, test } from '../support/test'
import { ADDRESS, backend, cartAtBackend, confirmedOrderId, openCheckout, ordersAtBackend, placeOrderButton, reachReview, setStock, shopperWithCart } from './support'

// The backend's refusals each have a designed outcome: nothing typed is lost, nothing is ordered twice.

const api = backend()

test('a declined card: the decline is shown with everything kept; another card then makes exactly one order', async ({ page, context, baseURL }) => {
  const { shopper } = await shopperWithCart(context, baseURL!, api, 'declined', [1])
  await openCheckout(page)
  await reachReview(page, /^Declined card/)
  await placeOrderButton(page).click()

  // Back on the payment step, told why, with the keyboard focus on the choices.
  await expect(page.getByRole('heading', { name: 'Payment' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('Your payment was declined. Nothing was charged.')
  await expect(page.getByRole('radio', { name: /^Declined card/ })).toBeFocused()
  expect(await ordersAtBackend(api, shopper)).toEqual([])

  // Every field the shopper filled is still there.
  await page.getByRole('link', { name: '1. Address' }).click()
  for (const [label, value] of [['Full name', ADDRESS.fullName], ['Street address', ADDRESS.line1], ['Town or city', ADDRESS.city], ['Postal code', ADDRESS.postalCode], ['Country', ADDRESS.country], ['Phone', ADDRESS.phone]] as const) {
    await expect(page.getByLabel(label)).toHaveValue(value)
  }
  await page.getByRole('link', { name: '3. Payment' }).click()
  await page.getByRole('radio', { name: /^Visa/ }).check()
  await page.getByRole('button', { name: 'Continue to review' }).click()
  await expect(page.getByText('Visa (test card)')).toBeVisible()
  await placeOrderButton(page).click()
  const id = await confirmedOrderId(page)
  expect((await ordersAtBackend(api, shopper)).map(o => o.id)).toEqual([id])
})

test('Back after a declined card, onto review (closed by the decline): the payment step under its own URL', async ({ page, context, baseURL }) => {
  await shopperWithCart(context, baseURL!, api, 'declined-back', [1])
  await openCheckout(page)
  await reachReview(page, /^Declined card/)
  await placeOrderButton(page).click()
  await expect(page.getByRole('alert')).toContainText('Your payment was declined. Nothing was charged.')
  await expect(page).toHaveURL(/step=payment$/)

  await page.goBack()
  await expect(page).toHaveURL(/step=payment$/)
  await expect(page.getByRole('heading', { name: 'Payment' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Review your order' })).toHaveCount(0)
  // Forward onto the decline's own entry: the same step, the same URL.
  await page.goForward()
  await expect(page).toHaveURL(/step=payment$/)
  await expect(page.getByRole('heading', { name: 'Payment' })).toBeVisible()
})

test('sold out between the cart and the payment: back to the cart with the line flagged, nothing ordered', async ({ page, context, baseURL }) => {
  const { shopper, products } = await shopperWithCart(context, baseURL!, api, 'sold-out', [2, 1])
  const [scarce, plenty] = products as [typeof products[0], typeof products[0]]
  await openCheckout(page)
  await reachReview(page)
  // Someone else buys it while this shopper reviews.
  await setStock(api, scarce, 1)
  await placeOrderButton(page).click()

  await page.waitForURL('**/cart')
  await expect(page.getByRole('alert').filter({ hasText: 'Some items sold out while you were checking out' })).toBeVisible()
  const lines = page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')
  await expect(lines.filter({ hasText: scarce.title })).toContainText('Only 1 left: lower the quantity to check out.')
  await expect(lines.filter({ hasText: plenty.title })).not.toContainText('left')
  expect(await ordersAtBackend(api, shopper)).toEqual([])
  const cart = await cartAtBackend(api, shopper)
  expect(cart.items.find(i => i.product_id === scarce.id)).toMatchObject({ quantity: 2, available: 1, in_stock: false })
  expect(cart.items.find(i => i.product_id === plenty.id)).toMatchObject({ in_stock: true })
})

test('a line the backend cannot supply is said on every step and at review, with the way to the cart; the details are kept', async ({ page, context, baseURL }) => {
  const { products } = await shopperWithCart(context, baseURL!, api, 'short', [3])
  await setStock(api, products[0]!, 2)
  await openCheckout(page)
  const notice = page.getByText('Some items are not available in the quantity in your cart.')
  await expect(notice).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Order summary' })).toContainText('Only 2 left')
  await reachReview(page)
  await expect(notice).toBeVisible()
  await expect(placeOrderButton(page)).toBeDisabled()
  await page.getByRole('link', { name: 'Change them in your cart' }).click()
  await page.waitForURL('**/cart')
  await page.getByRole('textbox', { name: `Quantity of ${products[0]!.title}` }).fill('2')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Proceed to checkout' })).toBeVisible()
  await page.getByRole('link', { name: 'Proceed to checkout' }).click()
  // The address, shipping and card chosen before are still there: straight on to review.
  await page.goto('/checkout?step=review')
  await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible()
  await expect(placeOrderButton(page)).toBeEnabled()
})
