import { expect, test } from '../support/test'
import { ADDRESS, backend, confirmedOrderId, openCheckout, placeOrderButton, reachReview, shopperWithCart } from './support'

// Store pickup is collected at a store: review, the confirmation and the order page never call the order's address
// a delivery address nor say the order ships. What is sent is unchanged (the address goes as shipping_address).

const api = backend()

test('a store pickup order says where it is collected, and its address is the shopper\'s own', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  const { shopper } = await shopperWithCart(context, baseURL!, api, 'store-pickup', [1])
  await openCheckout(page)
  await reachReview(page, /^Visa/, 'Store pickup')
  await expect(page.getByRole('region', { name: 'Your address' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Delivery address' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Edit your address' })).toBeVisible()

  await placeOrderButton(page).click()
  const id = await confirmedOrderId(page)
  const collection = page.getByRole('region', { name: 'Collection' })
  await expect(collection.getByRole('heading', { name: 'Your address' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Delivery' })).toHaveCount(0)
  const next = page.getByRole('region', { name: 'What happens next' })
  await expect(next).toContainText('You collect it in store (Store pickup)')
  await expect(next).not.toContainText('ships')

  // The order page, loaded again (server-rendered), says the same.
  await page.reload()
  await expect(page.getByRole('region', { name: 'Collection' }).getByRole('heading', { name: 'Your address' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'What happens next' })).toContainText('You collect it in store (Store pickup)')

  const order = await api.call<{ shipping_method: { name: string }, shipping_address: { line1: string } }>(`/orders/${id}/`, { token: await shopper.token() })
  expect(order.body.shipping_method.name).toBe('Store pickup')
  expect(order.body.shipping_address.line1).toBe('10 Downing Lane')
  await context.close()
})

test('a delivered order still says Delivery, where it goes in the country\'s layout, and that it ships', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  await shopperWithCart(context, baseURL!, api, 'delivered', [1])
  await openCheckout(page)
  await reachReview(page, /^Visa/, 'Standard')
  // A British address as Royal Mail wants it: the town, then the postcode on a line of its own.
  const lines = [ADDRESS.fullName, ADDRESS.line1, 'Bristol', 'BS1 4DJ', 'United Kingdom', ADDRESS.phone].join('\n')
  await expect(page.getByRole('region', { name: 'Delivery address' }).locator('address')).toHaveJSProperty('innerText', lines)
  await placeOrderButton(page).click()
  await confirmedOrderId(page)
  await expect(page.getByRole('region', { name: 'Delivery' }).locator('address')).toHaveJSProperty('innerText', lines)
  await expect(page.getByRole('region', { name: 'What happens next' })).toContainText('It ships with Standard')
  await context.close()
})
