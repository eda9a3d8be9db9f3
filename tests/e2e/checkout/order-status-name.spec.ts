import { expect, test } from '../support/test'
import { backend, confirmedOrderId, openCheckout, placeOrderButton, reachReview, shopperWithCart } from './support'

// The order page's details are a description list whose visible term already says "Status": the badge in it reads
// just the status ("Status, Paid"), not "Status, Status: Paid". Elsewhere (the order history) it keeps its label.
const api = backend()

test('the order page says "Status" once: the term, then the status alone', async ({ page, context, baseURL }) => {
  await shopperWithCart(context, baseURL!, api, 'status-name', [1])
  await openCheckout(page)
  await reachReview(page)
  await placeOrderButton(page).click()
  await confirmedOrderId(page)

  const details = await page.getByRole('region', { name: 'Order details' }).ariaSnapshot()
  const status = details.match(/- term: Status\n\s*- definition: (.*)/)
  expect(status, details).not.toBeNull()
  expect(status![1]).not.toMatch(/status/i)
})
