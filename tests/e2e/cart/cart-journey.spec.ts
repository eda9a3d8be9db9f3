import { expect, test } from '../support/test'
import { accountButton, gotoHydrated, signInLink, signInThroughForm, uniqueEmail } from '../auth/support'
import { CART_PATH, productPath, SIGN_IN_PATH } from '../../../utils/routes/paths'
import { backend, deletableProducts } from '../checkout/support'
import { accountWithCart, addThroughApi, cartButton, expectCartCount, findProduct, gotoWithCart } from './support'

// The journey: a guest fills a cart (one product with a variant), reloads, signs in to an account whose
// cart already holds an item and sees everything together; signs out and the header is empty; the next person on
// this browser sees nothing of it.

test('a guest cart survives a reload, joins the account\'s cart at sign-in, and leaves with sign-out', async ({ page, context }) => {
  const plain = await findProduct({ variants: false, minStock: 5 })
  const varied = await findProduct({ variants: true })
  const accountItem = await findProduct({ variants: false, minStock: 2, skip: [plain.id] })
  const variant = varied.variants.find(v => v.in_stock)!
  const email = uniqueEmail('cart-journey')
  const password = 'a-long-password-9'
  await accountWithCart(email, password, [{ product_id: accountItem.id, quantity: 1 }])

  // Two products from their pages: two of the plain one, one of the chosen variant.
  await gotoWithCart(page, productPath(plain))
  await expectCartCount(page, 0)
  await page.getByRole('button', { name: 'Increase quantity' }).click()
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expectCartCount(page, 2)
  const notice = page.getByRole('region', { name: 'Added to your cart' })
  await expect(notice).toContainText(plain.title)
  await expect(notice.getByRole('link', { name: /View cart/ })).toHaveAttribute('href', CART_PATH)

  await gotoWithCart(page, `${productPath(varied)}?variant=${variant.id}`)
  await expectCartCount(page, 2)
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expectCartCount(page, 3)
  // Answered before the reload (the count shows at once; a page left before its request went out takes it along).
  await expect(notice).toContainText(varied.title)

  // A reload: the count comes back after hydration, and the cart page shows both lines with the variant's options.
  await page.reload()
  await expectCartCount(page, 3)
  await gotoWithCart(page, CART_PATH)
  const lines = page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')
  await expect(lines).toHaveCount(2)
  await expect(lines.filter({ hasText: plain.title }).getByRole('textbox', { name: `Quantity of ${plain.title}` })).toHaveValue('2')
  const variantLine = lines.filter({ hasText: varied.title })
  for (const value of Object.values(variant.options)) await expect(variantLine).toContainText(value)

  // Sign in to the account that already has an item: all three lines, quantities summed in the header.
  await gotoHydrated(page, `${SIGN_IN_PATH}?redirect=${encodeURIComponent(CART_PATH)}`)
  await signInThroughForm(page, email, password)
  await expect(accountButton(page, 'Casey Cart')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`${CART_PATH}$`))
  await expect(lines).toHaveCount(3)
  await expect(lines.filter({ hasText: accountItem.title })).toBeVisible()
  await expectCartCount(page, 4)
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText(/Items\s*4/)
  // Still the account's cart after a reload (the browser has no access token until it asks for one).
  await page.reload()
  await expectCartCount(page, 4)
  await expect(lines).toHaveCount(3)

  // Sign out: the header shows an empty cart at once, and no cart cookie is left.
  await accountButton(page, 'Casey Cart').click()
  await page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(signInLink(page)).toBeVisible()
  await expectCartCount(page, 0)
  expect((await context.cookies()).map(c => c.name).filter(name => name.startsWith('sf_cart'))).toEqual([])

  // The next guest on this browser: an empty cart, and nothing of it in the header.
  const next = await context.newPage()
  await gotoWithCart(next, CART_PATH)
  await expect(next.getByText('Your cart is empty.')).toBeVisible()
  await expectCartCount(next, 0)
  await cartButton(next).click()
  await expect(next.getByRole('dialog', { name: 'Your cart' })).toContainText('Your cart is empty.')
})

// The shop deletes a product while it sits in a guest's cart; the shopper comes back later (a new page load). The
// products are ones no order ever takes (checkout/support.ts): an ordered product cannot be deleted.
test('a product the shop deleted while the shopper was away is named once on the cart page', async ({ page }) => {
  const api = backend()
  const [gone, kept] = await deletableProducts(api, 2)
  await gotoWithCart(page, '/')
  for (const product of [gone!, kept!]) await addThroughApi(page, { product_id: product.id, quantity: 1 })
  await gotoWithCart(page, CART_PATH)
  await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')).toHaveCount(2)
  expect((await api.call(`/__products/${gone!.id}/`, { method: 'DELETE' })).status).toBe(204)

  await gotoWithCart(page, CART_PATH)
  await expect(page.locator('#main').getByText(`${gone!.title} is no longer available and was removed from your cart.`)).toBeVisible()
  await expect(page.locator('#app-announcer')).toHaveText(`${gone!.title} is no longer available and was removed from your cart.`)
  await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')).toHaveCount(1)
  await page.reload()
  await expectCartCount(page, 1)
  await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')).toHaveCount(1)
  await expect(page.locator('#main').getByText('is no longer available')).toHaveCount(0)
})
