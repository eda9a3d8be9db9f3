import { expect, test } from '../support/test'
import { cartLineWithChangedPrice, findProduct } from './support'

// The "OK" of a line whose price changed is named as one phrase, "OK, keep {title} at the new price": a visually
// hidden span after "OK" was its own box, and Chromium put a space before its comma ("OK , keep …").
test('a cart line\'s "OK" to a changed price is named "OK, keep {title} at the new price"', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 5 })
  const line = await cartLineWithChangedPrice(page, product)

  await expect(line.getByRole('button', { name: `OK, keep ${product.title} at the new price`, exact: true })).toBeVisible()
})
