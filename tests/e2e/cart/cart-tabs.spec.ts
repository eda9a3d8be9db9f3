import { expect, test } from '../support/test'
import { accountButton, gotoHydrated, signInThroughForm, uniqueEmail } from '../auth/support'
import { CART_PATH, SIGN_IN_PATH } from '../../../utils/routes/paths'
import { accountWithCart, addThroughApi, expectCartCount, findProduct, gotoWithCart } from './support'

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

test('signing out in one tab empties the cart shown in the other', async ({ page, context }) => {
  const product = await findProduct({ variants: false, minStock: 2 })
  const email = uniqueEmail('cart-tabs')
  await accountWithCart(email, 'a-long-password-9', [{ product_id: product.id, quantity: 2 }])
  await gotoHydrated(page, SIGN_IN_PATH)
  await signInThroughForm(page, email, 'a-long-password-9')
  await expect(accountButton(page, 'Casey Cart')).toBeVisible()
  await expectCartCount(page, 2)
  const other = await context.newPage()
  // A fresh page load while signed in: the cart is the account's, not an empty guest cart.
  await gotoWithCart(other, CART_PATH)
  await expect(other.getByRole('textbox', { name: `Quantity of ${product.title}` })).toHaveValue('2')

  await accountButton(page, 'Casey Cart').click()
  await page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true }).click()
  await expectCartCount(page, 0)
  await expectCartCount(other, 0)
  await expect(other.getByText('Your cart is empty.')).toBeVisible()
})
