import { expect, test, type Page } from '../support/test'
import { waitForHydration } from '../support/hydration'
import { backend, fillAddress, shopperWithCart } from './support'

const api = backend()

/** From the cart to checkout by a client-side navigation (the methods load with the page), then past the address. */
async function shippingStepFromCart(page: Page): Promise<void> {
  await page.goto('/cart')
  await waitForHydration(page)
  await page.getByRole('link', { name: 'Proceed to checkout' }).click()
  await page.waitForURL('**/checkout**')
  await fillAddress(page)
  await page.getByRole('button', { name: 'Continue to shipping' }).click()
}

test('shipping methods that arrive after a client navigation to checkout are offered with the first one chosen', async ({ page, context, baseURL }) => {
  await shopperWithCart(context, baseURL!, api, 'late-methods', [1])
  // The methods' answer is held until the checkout is open and the shopper is on the shipping step.
  let release!: () => void
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route('**/api/shipping-methods/', async (route) => {
    await held
    await route.continue()
  })
  await shippingStepFromCart(page)
  await expect(page.getByRole('heading', { name: 'Shipping method' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Loading the shipping methods' })).toBeVisible()

  release()
  await expect(page.getByRole('radio', { name: /^Standard/ })).toBeChecked()
  await expect(page.getByRole('radio', { name: /^Express/ })).not.toBeChecked()
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await expect(page.getByRole('heading', { name: 'Payment' })).toBeVisible()
})

test('a backend that offers no shipping method says so instead of loading forever, and nothing moves on', async ({ page, context, baseURL }) => {
  await shopperWithCart(context, baseURL!, api, 'no-methods', [1])
  await page.route('**/api/shipping-methods/', route => route.fulfill({ json: [] }))
  await shippingStepFromCart(page)
  await expect(page.getByRole('alert').filter({ hasText: 'No delivery is on offer right now' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Loading the shipping methods' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await expect(page.getByText('Choose a shipping method.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Shipping method' })).toBeVisible()
})
