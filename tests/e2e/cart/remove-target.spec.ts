import { expect, test, type Page } from '../support/test'
import { CART_PATH } from '../../../utils/routes/paths'
import { addThroughApi, findProduct, gotoWithCart } from './support'

// A line's "Remove" is a target of at least 24 x 24 px (WCAG 2.5.8), 44 px tall where the pointer is a finger, and
// the line still fits a 320 px screen: nothing scrolls sideways, the button stays inside its line, and a note about a
// typed quantity reads as a sentence.

async function cartAt320(page: Page): Promise<{ title: string }> {
  await page.setViewportSize({ width: 320, height: 740 })
  const product = await findProduct({ variants: false })
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product.id, quantity: 1 })
  await gotoWithCart(page, CART_PATH)
  return { title: product.title }
}

async function expectFitsTheLine(page: Page, title: string): Promise<{ width: number, height: number }> {
  const line = page.getByRole('listitem', { name: title })
  const remove = line.getByRole('button', { name: `Remove ${title}` })
  await expect(remove).toBeVisible()
  const box = (await remove.boundingBox())!
  const lineBox = (await line.boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(lineBox.x)
  expect(box.x + box.width).toBeLessThanOrEqual(lineBox.x + lineBox.width)
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth), 'the cart scrolls sideways').toBe(false)
  return box
}

test('at 320 px with a mouse, a line\'s Remove is at least 24 x 24 px and fits its line', async ({ page }) => {
  const { title } = await cartAt320(page)
  const box = await expectFitsTheLine(page, title)
  expect(box.width).toBeGreaterThanOrEqual(24)
  expect(box.height).toBeGreaterThanOrEqual(24)
})

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true })

  test('at 320 px, a line\'s Remove is 44 px tall and fits its line', async ({ page }) => {
    const { title } = await cartAt320(page)
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'the emulated pointer is coarse').toBe(true)
    const box = await expectFitsTheLine(page, title)
    expect(box.width).toBeGreaterThanOrEqual(44)
    expect(box.height).toBeGreaterThanOrEqual(44)
  })
})

test('at 320 px, what became of a typed quantity is said under the stepper, not squeezed into a column beside it', async ({ page }) => {
  const { title } = await cartAt320(page)
  const line = page.getByRole('listitem', { name: title })
  await line.getByLabel(`Quantity of ${title}`).fill('0')
  await page.keyboard.press('Tab')
  const note = line.getByRole('status').filter({ hasText: 'To take it out of your cart, use Remove.' })
  await expect(note).toBeVisible()
  // Squeezed beside the stepper, it read one or two words a line (seven lines at 320 px).
  const lines = await note.evaluate(el => Math.round(el.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(el).lineHeight)))
  expect(lines).toBeLessThanOrEqual(3)
  const box = (await note.boundingBox())!
  const lineBox = (await line.boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(lineBox.x + lineBox.width)
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth), 'the cart scrolls sideways').toBe(false)
})

test('at 320 px, a typed 0 then one click on Remove, as the note says, removes the line', async ({ page }) => {
  const { title } = await cartAt320(page)
  const line = page.getByRole('listitem', { name: title })
  await line.getByLabel(`Quantity of ${title}`).fill('0')
  // The note appears as the field is left, at the click's mousedown: beside the stepper it pushed Remove 56 px down.
  await line.getByRole('button', { name: `Remove ${title}` }).click()
  await expect(page.getByRole('listitem', { name: title })).toHaveCount(0)
})
