import { expect, test } from '../support/test'
import { ADDRESS, backend, confirmedOrderId, openCheckout, ordersAtBackend, placeOrderButton, reachReview, shopperWithCart } from './support'

// An address confirmed once, then edited into one that cannot be delivered to, no longer opens the later steps: the
// step links and the back button used to lead to a review of an address without a street, whose "Place order"
// sent an order the backend could only refuse.
const api = backend()

test('an address emptied on its way back from review is confirmed again before review: no step link or Back skips it', async ({ page, context, baseURL }) => {
  const { shopper } = await shopperWithCart(context, baseURL!, api, 'edited-address', [1])
  await openCheckout(page)
  await reachReview(page)
  await page.getByRole('link', { name: 'Edit delivery address' }).click()
  await page.getByLabel('Street address').fill('')
  await page.keyboard.press('Tab')
  await expect(page.getByText('Enter the street address.')).toBeVisible()

  const steps = page.getByRole('navigation', { name: 'Checkout steps' })
  await expect(steps.getByRole('link', { name: '4. Review' })).toHaveCount(0)
  await page.goBack()
  // Review's entry, closed now: the address step shows, under its own URL (replaced).
  await expect(page).toHaveURL(/step=address$/)
  await expect(page.getByRole('heading', { name: 'Delivery address' })).toBeVisible()
  await expect(placeOrderButton(page)).toHaveCount(0)
  await expect(page.getByLabel('Street address')).toHaveValue('')

  await page.getByRole('button', { name: 'Continue to shipping' }).click()
  await expect(page.getByLabel('Street address')).toBeFocused()
  await page.getByLabel('Street address').fill(ADDRESS.line1)
  await page.getByRole('button', { name: 'Continue to shipping' }).click()
  // The steps after it kept what was chosen: one press back to review.
  await expect(page.getByRole('radio', { name: /^Standard/ })).toBeChecked()
  await page.getByRole('button', { name: 'Save and review your order' }).click()
  await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Delivery address' })).toContainText(ADDRESS.line1)
  await expect(steps.getByRole('link', { name: '1. Address' })).toBeVisible()

  await placeOrderButton(page).click()
  await confirmedOrderId(page)
  expect(await ordersAtBackend(api, shopper)).toHaveLength(1)
})
