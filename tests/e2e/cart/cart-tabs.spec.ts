import { expect, test } from '@playwright/test'
import { CART_PATH } from '../../../utils/routes/paths'
import { addThroughApi, expectCartCount, findProduct, gotoWithCart } from './support'

// Two tabs of one browser: a change in one shows in the other without a reload. The message between them says
// only "the cart changed"; the other tab asks the backend itself.

test('a change in one tab shows in the other without a reload, and removing empties both', async ({ page, context }) => {
  const product = await findProduct({ variants: false, minStock: 5 })
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product.id, quantity: 1 })
  await gotoWithCart(page, CART_PATH)
  const other = await context.newPage()
  await gotoWithCart(other, '/products')
  await expectCartCount(other, 1)
  const messages: string[] = []
  await other.exposeFunction('recordCartMessage', (data: string) => messages.push(data))
  await other.evaluate(() => {
    new BroadcastChannel('sf-cart').onmessage = event => (window as unknown as { recordCartMessage: (d: string) => void }).recordCartMessage(JSON.stringify(event.data))
  })

  await page.getByRole('button', { name: `Increase quantity of ${product.title}` }).click()
  await expectCartCount(other, 2)
  await page.getByRole('button', { name: `Remove ${product.title}` }).click()
  await expect(page.getByText('Your cart is empty.')).toBeVisible()
  await expectCartCount(other, 0)
  // What travelled between the tabs: words, no cart and no token.
  expect(messages.every(message => message === '"changed"')).toBe(true)
  expect(messages.length).toBeGreaterThan(0)
})
