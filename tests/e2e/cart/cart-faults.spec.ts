import { expect, test } from '../support/test'
import { CART_PATH, productPath } from '../../../utils/routes/paths'
import { addFault, addThroughApi, cartAtBackend, expectCartCount, findProduct, gotoWithCart, resetFaults } from './support'

// With the backend failing, a change is refused visibly, the cart shows exactly what it showed before, and once
// the backend is back the same action works. Nothing is dropped without a word.

test.afterEach(resetFaults)

test('a failed quantity change rolls back with a message, and "Try again" works after recovery', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 5 })
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product.id, quantity: 2 })
  await gotoWithCart(page, CART_PATH)
  const line = page.getByRole('listitem').filter({ hasText: product.title })
  const field = page.getByRole('textbox', { name: `Quantity of ${product.title}` })
  const lineTotal = line.getByRole('paragraph').filter({ hasText: 'Line total:' })
  const totalBefore = await lineTotal.textContent()
  const subtotalBefore = await page.getByRole('region', { name: 'Summary' }).textContent()

  await addFault({ path_pattern: '/cart/items/*', method: 'PATCH', status: 503 })
  await page.getByRole('button', { name: `Increase quantity of ${product.title}` }).click()
  await expect(line).toContainText('Service temporarily unavailable')
  await expect(field).toHaveValue('2')
  await expectCartCount(page, 2)
  await expect(lineTotal).toHaveText(totalBefore!)
  await expect(page.getByRole('region', { name: 'Summary' })).toHaveText(subtotalBefore!)
  // The shopper heard it too, through the one live region.
  await expect(page.getByRole('status').filter({ hasText: 'Service temporarily unavailable' })).toHaveCount(1)

  await resetFaults()
  await line.getByRole('button', { name: 'Try again' }).click()
  await expect(field).toHaveValue('3')
  await expectCartCount(page, 3)
  await expect(line).not.toContainText('Service temporarily unavailable')
  expect((await cartAtBackend(page)).items.find(item => item.product_id === product.id)?.quantity).toBe(3)
})

test('a failed "Add to cart" says why and adds nothing; after recovery the same click adds it', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 3 })
  await gotoWithCart(page, productPath(product))
  await addFault({ path_pattern: '/cart/items/', method: 'POST', status: 503 })
  const add = page.getByRole('button', { name: 'Add to cart', exact: true })
  await add.click()
  const failure = page.getByRole('region', { name: 'Not added to your cart' })
  await expect(failure).toContainText('Service temporarily unavailable')
  await expect(page.getByRole('main')).toContainText('Service temporarily unavailable')
  await expectCartCount(page, 0)
  expect((await cartAtBackend(page)).items_count).toBe(0)

  await resetFaults()
  await failure.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('region', { name: 'Added to your cart' })).toContainText(product.title)
  await expectCartCount(page, 1)
  expect((await cartAtBackend(page)).items_count).toBe(1)
})

test('a refused removal keeps the line and offers no undo; by keyboard, Remove leads to Undo, which puts it back once, focused', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 5 })
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product.id, quantity: 2 })
  await gotoWithCart(page, CART_PATH)
  const line = page.getByRole('listitem').filter({ hasText: product.title })
  const remove = page.getByRole('button', { name: `Remove ${product.title}` })
  const undo = page.getByRole('button', { name: `Undo: put ${product.title} back in your cart` })

  await addFault({ path_pattern: '/cart/items/*', method: 'DELETE', status: 503 })
  await remove.focus()
  await page.keyboard.press('Enter')
  await expect(line).toContainText('Service temporarily unavailable')
  // Undo would have added the line a second time.
  await expect(undo).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeFocused()

  await resetFaults()
  await remove.focus()
  await page.keyboard.press('Enter')
  await expect(undo).toBeFocused()
  await expect(line).toHaveCount(0)
  await expect.poll(async () => (await cartAtBackend(page)).items_count).toBe(0)
  // Refused: the notice is back and says why, with the focus on its Undo.
  await addFault({ path_pattern: '/cart/items/', method: 'POST', status: 503 })
  await page.keyboard.press('Enter')
  await expect(undo).toBeFocused()
  await expect(page.getByText(`Removed ${product.title}.`)).toContainText('Could not put it back: Service temporarily unavailable')
  await expect(line).toHaveCount(0)
  // Said by the Undo alone: no "Not added" notice, with a "Try again" of its own, on top of it.
  await expect(page.getByRole('region', { name: 'Not added to your cart' })).toHaveCount(0)
  // Put back: the focus goes into the line again, on its title, and the cart says so.
  await resetFaults()
  await page.keyboard.press('Enter')
  await expect(line.getByRole('link', { name: product.title })).toBeFocused()
  await expect(page.getByRole('status').and(page.locator('#app-announcer'))).toHaveText(`${product.title} is back in your cart.`)
  // Not an addition: no "Added to your cart" notice linking to this very page (at 320 px it covered the summary).
  await expect(page.getByRole('region', { name: 'Added to your cart' })).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: `Quantity of ${product.title}` })).toHaveValue('2')
  expect((await cartAtBackend(page)).items.find(item => item.product_id === product.id)?.quantity).toBe(2)
})
