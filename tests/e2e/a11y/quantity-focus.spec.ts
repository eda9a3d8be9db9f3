import { expect, test } from '../support/test'
import { waitForHydration } from '../support/hydration'
import { backend, shopperWithCart, simpleProducts } from '../checkout/support'
import { productPath } from '../../../utils/routes/paths'

// A "−" (or "+") that reaches its limit must keep the keyboard focus: a disabled button drops it to the start of the
// page, and a keyboard or screen-reader user has to find their way back to the quantity. The limit is said instead
// (aria-disabled), and a press there changes nothing.

test('on a product page, "Decrease quantity" keeps the focus when it reaches 1', async ({ page }) => {
  const [product] = await simpleProducts(backend(), 1)
  await page.goto(productPath(product!))
  await waitForHydration(page)

  const quantity = page.getByRole('spinbutton', { name: 'Quantity' })
  await page.getByRole('button', { name: 'Increase quantity' }).press('Enter')
  await expect(quantity).toHaveValue('2')

  const decrease = page.getByRole('button', { name: 'Decrease quantity' })
  await decrease.press('Enter')
  await expect(quantity).toHaveValue('1')
  await expect(decrease).toBeFocused()
  await expect(decrease).toHaveAttribute('aria-disabled', 'true')

  // At the limit a press changes nothing, and the focus stays.
  await page.keyboard.press('Enter')
  await expect(quantity).toHaveValue('1')
  await expect(decrease).toBeFocused()
})

test('in the cart, "Decrease quantity of …" keeps the focus when the line reaches 1', async ({ page, context, baseURL }) => {
  const { products } = await shopperWithCart(context, baseURL!, backend(), 'a11y-stepper', [2])
  const title = products[0]!.title
  await page.goto('/cart')
  await waitForHydration(page)

  const quantity = page.getByRole('textbox', { name: `Quantity of ${title}` })
  await expect(quantity).toHaveValue('2')
  const decrease = page.getByRole('button', { name: `Decrease quantity of ${title}` })
  await decrease.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: `${title}: quantity 1.` })).toBeAttached()
  await expect(quantity).toHaveValue('1')
  await expect(decrease).toBeFocused()
  await expect(decrease).toHaveAttribute('aria-disabled', 'true')
})
