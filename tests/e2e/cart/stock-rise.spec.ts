import { expect, test } from '../support/test'
import { CART_PATH } from '../../../utils/routes/paths'
import { backend, setStock, simpleProducts } from '../checkout/support'
import { addThroughApi, backendRoutes, cartAtBackend, expectCartCount, gotoWithCart, resetFaults } from './support'

// The QA finding: a line at the stock the cart knows could not go higher after a restock until the cart was read
// again ("+" disabled, a typed number lowered). Asking for more now reads the stock (one cart read) before refusing.

test.afterEach(resetFaults)

test('a stock that rose after the cart page read the cart is reachable with "+" and by typing, and "−" is never held back', async ({ page }) => {
  const api = backend()
  const [product] = await simpleProducts(api, 1)
  await setStock(api, product!, 2)
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product!.id, quantity: 2 })
  await gotoWithCart(page, CART_PATH)

  const line = page.getByRole('listitem').filter({ hasText: product!.title })
  const field = page.getByRole('textbox', { name: `Quantity of ${product!.title}` })
  const plus = page.getByRole('button', { name: `Increase quantity of ${product!.title}` })
  await expect(field).toHaveValue('2')
  await expect(plus).toHaveAccessibleDescription('2 in stock')
  // Said, not disabled: the stock may have risen since the page read it.
  await expect(plus).toBeEnabled()

  // Restocked while the shopper looks at the page.
  await setStock(api, product!, 5)
  await resetFaults()
  await plus.click()
  await expect(field).toHaveValue('3')
  await expect(line).not.toContainText('Updating…')
  await expectCartCount(page, 3)
  await expect.poll(async () => (await backendRoutes())['GET /cart/'] ?? 0).toBe(1)
  expect((await cartAtBackend(page)).items.find(item => item.product_id === product!.id)?.quantity).toBe(3)

  // More than there is now: held to it and said on the line; "+" then stops there.
  await field.fill('9')
  await field.press('Enter')
  await expect(line.getByText('Only 5 left in stock, so your cart can hold at most 5.')).toBeVisible()
  await expect(field).toHaveValue('5')
  await expect(line).not.toContainText('Updating…')
  await expect(plus).toHaveAttribute('aria-disabled', 'true')
  expect((await cartAtBackend(page)).items.find(item => item.product_id === product!.id)?.quantity).toBe(5)

  await page.getByRole('button', { name: `Decrease quantity of ${product!.title}` }).click()
  await expect(field).toHaveValue('4')
  await expect(line).not.toContainText('Updating…')
  expect((await cartAtBackend(page)).items.find(item => item.product_id === product!.id)?.quantity).toBe(4)
})
