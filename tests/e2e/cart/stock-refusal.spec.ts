import { expect, test } from '../support/test'
import { productPath } from '../../../utils/routes/paths'
import { findProduct, gotoWithCart } from './support'

// The QA pass at 320 px: a variant with little stock, 99 asked for. The backend refuses (409 with `available`); the
// page says so by the button and beside the quantity, lowers the quantity to what is left, and nothing covers the
// "Add to cart" button the shopper needs next (a notice fixed over it could not be seen past).
test.use({ viewport: { width: 320, height: 640 } })

test('a stock refusal at 320 px: the quantity says what is left and the Add to cart button stays uncovered', async ({ page }) => {
  const product = await findProduct({ variants: true })
  const variant = product.variants.find(v => v.in_stock)!
  await gotoWithCart(page, `${productPath(product)}?variant=${variant.id}`)

  const quantity = page.getByRole('spinbutton', { name: 'Quantity' })
  await quantity.fill('99')
  await quantity.blur()
  const add = page.getByRole('button', { name: 'Add to cart', exact: true })
  // Scrolled down just until the button shows, as a shopper on a phone does: it sits at the window's foot.
  await add.evaluate(button => button.scrollIntoView({ block: 'end' }))
  await add.click()

  // Seeded variants hold at most 30: the refusal names what is left, and the field follows it.
  await expect(page.getByText(/^Only \d+ left in stock, so your cart can hold at most \d+\.$/).first()).toBeVisible()
  const notice = page.getByRole('region', { name: 'Not added to your cart' })
  await expect(notice).toBeVisible()
  // Nothing lies over the button: its centre and corners in the window are the button's own.
  const box = (await add.boundingBox())!
  const covered = await page.evaluate(({ x, y, width, height }) => {
    const button = [...document.querySelectorAll('button')].find(b => b.textContent?.trim() === 'Add to cart')!
    const bottom = Math.min(y + height, innerHeight) - 2
    const points: Array<[number, number]> = [[x + width / 2, (y + bottom) / 2], [x + 2, y + 2], [x + width - 2, bottom]]
    return points.filter(([px, py]) => !button.contains(document.elementFromPoint(px, py))).map(([px, py]) => `${px},${py}: ${document.elementFromPoint(px, py)?.outerHTML.slice(0, 80)}`)
  }, box)
  expect(covered).toEqual([])
  const other = (await notice.boundingBox())!
  expect(other.y + other.height <= box.y || box.y + box.height <= other.y, 'the notice and the button do not overlap').toBe(true)
  // A stock refusal: the same request again would be refused, so it is not offered.
  await expect(notice.getByRole('button', { name: 'Try again' })).toHaveCount(0)

  const left = await quantity.inputValue()
  expect(Number(left)).toBeLessThan(99)
  await expect(quantity).toHaveAccessibleDescription(`Only ${left} left.`)

  // What is left can be added.
  await add.click()
  await expect(page.getByRole('region', { name: 'Added to your cart' })).toBeVisible()
})
