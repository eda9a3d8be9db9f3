import { expect, test, type Locator } from '../support/test'
import { productPath, PRODUCTS_PATH } from '../../../utils/routes/paths'
import { holdScripts, waitForHydration, waitForListeners } from '../support/hydration'
import { cartAtBackend, expectCartCount, findProduct } from './support'

// The app's scripts load after the first images (server/utils/html/beforeHydration.ts), so on a phone a shopper can
// see "Add to cart" before it has a handler. Every app script is held back here until the taps are made: the tap
// must then be done once the page hydrates, and only once however often the shopper tapped.

async function tapTwice(button: Locator): Promise<void> {
  await button.click()
  await button.click()
}

test('a quick add tapped twice before the listing has hydrated adds the product once, with its notice', async ({ page }) => {
  const scripts = await holdScripts(page)
  await page.goto(PRODUCTS_PATH, { waitUntil: 'commit' })
  const quickAdd = page.getByRole('list', { name: 'Products' }).getByRole('button', { name: /^Add to cart: ./ }).first()
  const title = (await quickAdd.getAttribute('aria-label'))!.replace(/^Add to cart: /, '')
  await tapTwice(quickAdd)
  await expect.poll(() => scripts.held(), { message: 'no app script had run when the shopper tapped' }).toBeGreaterThan(0)

  await scripts.release()
  // The grid hydrates when idle, after the page: its kept taps are done then (a busy run took more than the 5 s an
  // assertion waits from the release alone).
  await waitForHydration(page)
  await waitForListeners(quickAdd)
  await expect(page.getByRole('region', { name: 'Added to your cart' })).toContainText(title)
  await expectCartCount(page, 1)
  await expect.poll(async () => (await cartAtBackend(page)).items.map(line => line.quantity)).toEqual([1])
})

test('"Add to cart" tapped before the product page has hydrated puts the product in the cart once', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 3 })
  const scripts = await holdScripts(page)
  await page.goto(productPath(product), { waitUntil: 'commit' })
  await tapTwice(page.getByRole('main').getByRole('button', { name: 'Add to cart', exact: true }))
  await expect.poll(() => scripts.held(), { message: 'no app script had run when the shopper tapped' }).toBeGreaterThan(0)

  await scripts.release()
  await expectCartCount(page, 1)
  await expect.poll(async () => (await cartAtBackend(page)).items).toEqual([expect.objectContaining({ product_id: product.id, quantity: 1 })])
})

test('a variant chosen before the product page has hydrated stays chosen', async ({ page }) => {
  const product = await findProduct({ variants: true })
  const scripts = await holdScripts(page)
  await page.goto(productPath(product), { waitUntil: 'commit' })
  const choice = page.getByRole('main').getByRole('radio').first()
  const value = await choice.inputValue()
  await choice.check()
  await expect.poll(() => scripts.held(), { message: 'no app script had run when the shopper chose' }).toBeGreaterThan(0)

  await scripts.release()
  await waitForHydration(page)
  // The picker says the choice (its legend), and the radio stays as the shopper left it.
  await expect(page.getByRole('main').locator('legend').first()).toContainText(`: ${value}`)
  await expect(choice).toBeChecked()
})

test('a quantity typed before the product page has hydrated is what a kept "Add to cart" adds', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 3 })
  const scripts = await holdScripts(page)
  await page.goto(productPath(product), { waitUntil: 'commit' })
  const main = page.getByRole('main')
  await main.getByRole('spinbutton', { name: 'Quantity' }).fill('3')
  await main.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expect.poll(() => scripts.held(), { message: 'no app script had run when the shopper typed and tapped' }).toBeGreaterThan(0)

  await scripts.release()
  await expectCartCount(page, 3)
  await expect.poll(async () => (await cartAtBackend(page)).items).toEqual([expect.objectContaining({ product_id: product.id, quantity: 3 })])
  await expect(main.getByRole('spinbutton', { name: 'Quantity' })).toHaveValue('3')
})
