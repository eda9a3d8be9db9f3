import { expect, test } from '@playwright/test'
import { CART_PATH } from '../../../utils/routes/paths'
import { addThroughApi, findProduct, gotoWithCart } from './support'

// The "OK" of a line whose price changed is named as one phrase, "OK, keep {title} at the new price": a visually
// hidden span after "OK" was its own box, and Chromium put a space before its comma ("OK , keep …").
test('a cart line\'s "OK" to a changed price is named "OK, keep {title} at the new price"', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 5 })
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product.id, quantity: 1 })
  await gotoWithCart(page, CART_PATH)
  const line = page.getByRole('listitem', { name: product.title })
  await expect(line).toBeVisible()
  // The price this browser remembers for the line is not today's: the line says so and offers "OK".
  await page.evaluate(({ id }) => {
    const key = 'sf-cart-seen-prices'
    const seen = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, { amount: number, currency: string }>
    const today = seen[`${id}:`]!
    localStorage.setItem(key, JSON.stringify({ ...seen, [`${id}:`]: { ...today, amount: today.amount + 100 } }))
  }, { id: product.id })
  await gotoWithCart(page, CART_PATH)

  await expect(line.getByRole('button', { name: `OK, keep ${product.title} at the new price`, exact: true })).toBeVisible()
})
