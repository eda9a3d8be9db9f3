import { expect, test, type Page } from '../support/test'
import { CART_PATH } from '../../../utils/routes/paths'
import { backend, setStock, simpleProducts } from '../checkout/support'
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

// The stock fell below a line's quantity after it went in the cart (someone else bought; at checkout the 409 brings the
// shopper here). The line shows its quantity as it is, but the stepper says what is really in stock.
test('a line above the stock says what is in stock, not its own quantity, and "−" lowers it', async ({ page }) => {
  const api = backend()
  const [product] = await simpleProducts(api, 1)
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product!.id, quantity: 3 })
  await setStock(api, product!, 2)
  await gotoWithCart(page, CART_PATH)

  const line = page.getByRole('listitem').filter({ hasText: product!.title })
  await expect(line).toContainText('Only 2 left: lower the quantity to check out.')
  await expect(quantityField(page, product!.title)).toHaveValue('3')
  await expect(line.getByText('2 in stock', { exact: true })).toBeVisible()
  await expect(line).not.toContainText('3 in stock')
  const plus = page.getByRole('button', { name: `Increase quantity of ${product!.title}` })
  await expect(plus).toHaveAccessibleDescription('2 in stock')

  await page.getByRole('button', { name: `Decrease quantity of ${product!.title}` }).click()
  await expect(quantityField(page, product!.title)).toHaveValue('2')
  await expect(line).not.toContainText('to check out.')
  await expect(page.getByRole('link', { name: 'Proceed to checkout' })).toBeVisible()
  expect((await cartAtBackend(page)).items.find(item => item.product_id === product!.id)?.quantity).toBe(2)
})

test('a typed quantity above the stock settles at the stock with one message naming it, not 99', async ({ page }) => {
  const api = backend()
  const [product] = await simpleProducts(api, 1)
  await setStock(api, product!, 76)
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product!.id, quantity: 1 })
  await gotoWithCart(page, CART_PATH)

  const line = page.getByRole('listitem').filter({ hasText: product!.title })
  const field = quantityField(page, product!.title)
  await field.fill('120')
  await field.press('Enter')
  await expect(field).toHaveValue('76')
  await expect(line.getByText('Only 76 left in stock, so your cart can hold at most 76.')).toHaveCount(1)
  await expect(line).not.toContainText('Updating…')
  await expect(line).not.toContainText('most one line can hold')
  await expectCartCount(page, 76)
  expect((await cartAtBackend(page)).items.find(item => item.product_id === product!.id)?.quantity).toBe(76)

  await field.fill('abc')
  await field.press('Enter')
  await expect(line.getByRole('status')).toHaveText('Enter a quantity from 1 to 76. The quantity stays at 76.')
})
