import { expect, test, type Page } from '../support/test'
import { CART_PATH } from '../../../utils/routes/paths'
import { addFault, addThroughApi, backendRoutes, cartAtBackend, expectCartCount, findProduct, gotoWithCart, resetFaults } from './support'

// Quantities on the cart page: fast presses end exactly where the shopper stopped, at the backend too, for few
// requests; asking for more than the stock settles at the stock and says so. The cart is seeded through the API.

test.afterEach(resetFaults)

function quantityField(page: Page, title: string) {
  return page.getByRole('textbox', { name: `Quantity of ${title}` })
}

test('ten fast presses on "+" end at the quantity asked for, on screen and at the backend, in a few requests', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 15 })
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product.id, quantity: 1 })
  await gotoWithCart(page, CART_PATH)
  await expect(quantityField(page, product.title)).toHaveValue('1')

  // A real network takes a while to answer: every change waits 300 ms at the backend.
  await resetFaults()
  await addFault({ path_pattern: '/cart/items/*', method: 'PATCH', latency_ms: 300 })
  const plus = page.getByRole('button', { name: `Increase quantity of ${product.title}` })
  for (let i = 0; i < 10; i++) await plus.click()

  // The screen runs ahead at once, then settles on the backend's answer.
  await expect(quantityField(page, product.title)).toHaveValue('11')
  await expectCartCount(page, 11)
  const line = page.getByRole('listitem').filter({ hasText: product.title })
  await expect(line).not.toContainText('Updating…')
  await expect(line).toContainText('Line total')
  const atBackend = await cartAtBackend(page)
  expect(atBackend.items.find(item => item.product_id === product.id)?.quantity).toBe(11)

  const patches = (await backendRoutes())['PATCH /cart/items/{id}/'] ?? 0
  test.info().annotations.push({ type: 'requests for ten presses', description: String(patches) })
  console.log(`ten presses on "+" cost ${patches} PATCH request(s) with 300 ms backend latency`)
  expect(patches).toBeGreaterThanOrEqual(1)
  expect(patches).toBeLessThan(10)
})

test('asking for more than the stock says "only N left" and settles at the stock', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 2, maxStock: 30 })
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product.id, quantity: 1 })
  await gotoWithCart(page, CART_PATH)

  const field = quantityField(page, product.title)
  await field.fill('99')
  await field.press('Enter')
  const line = page.getByRole('listitem').filter({ hasText: product.title })
  await expect(line).toContainText(new RegExp(`only ${product.stock} left`, 'i'))
  await expect(field).toHaveValue(String(product.stock))
  await expectCartCount(page, product.stock)
  await expect(line).not.toContainText('Updating…')
  expect((await cartAtBackend(page)).items.find(item => item.product_id === product.id)?.quantity).toBe(product.stock)
})
