import AxeBuilder from '@axe-core/playwright'
import { animationsSettled } from '../support/animations'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { PRODUCTS_PATH, SIGN_IN_PATH, WISHLIST_PATH } from '../../../utils/routes/paths'
import { accountButton, gotoHydrated } from '../auth/support'
import { addAtBackend, backendCart, backendWishlist, newShopper, signInOnPage } from './support'

// The /wishlist page in a real browser: newest first, remove, move to cart (with and without a variant to
// choose), the empty state, the header count, accessibility; and what sign-out leaves behind in other tabs.

interface Variant { id: number, options: Record<string, string>, in_stock: boolean }
interface Detail { id: number, title: string, in_stock: boolean, stock: number, variants: Variant[] }

/** The first products (newest first) matching `accept`, read through the storefront's API proxy. */
async function findProducts(request: APIRequestContext, count: number, accept: (detail: Detail) => boolean): Promise<Detail[]> {
  const list = await (await request.get('/api/products/?page_size=100&in_stock=true')).json() as { results: Array<{ id: number }> }
  const found: Detail[] = []
  for (const summary of list.results) {
    const detail = await (await request.get(`/api/products/${summary.id}/`)).json() as Detail
    if (accept(detail)) found.push(detail)
    if (found.length === count) return found
  }
  throw new Error('not enough products match')
}

function row(page: Page, title: string) {
  return page.getByRole('list', { name: 'Saved products' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) })
}

test('the wishlist page: newest first, remove, move to cart with a variant choice and without, then empty; axe clean', async ({ page, request }) => {
  const shopper = await newShopper('wishlist-page')
  const [plain, other] = await findProducts(request, 2, d => d.variants.length === 0 && d.stock >= 2)
  const [varied] = await findProducts(request, 1, d => d.variants.filter(v => v.in_stock).length > 1 && new Set(d.variants.map(v => Object.keys(v.options).join())).size === 1)
  for (const product of [plain!, varied!, other!]) await addAtBackend(shopper, product.id)

  // Signed out, the page sends to sign-in and back.
  await gotoHydrated(page, WISHLIST_PATH)
  await expect(page).toHaveURL(url => url.pathname === SIGN_IN_PATH && url.searchParams.get('redirect') === WISHLIST_PATH)
  await signInOnPage(page, shopper)
  await expect(page).toHaveURL(WISHLIST_PATH)
  await expect(page.getByRole('heading', { level: 1, name: 'Your wishlist' })).toBeVisible()
  const titles = page.getByRole('list', { name: 'Saved products' }).getByRole('listitem').getByRole('heading')
  await expect(titles).toHaveText([other!.title, varied!.title, plain!.title])
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist, 3 items' })).toBeVisible()
  await animationsSettled(page)
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  // Remove: gone at once, from the backend too; focus stays in the list.
  await row(page, other!.title).getByRole('button', { name: `Remove ${other!.title} from wishlist` }).click()
  await expect(row(page, other!.title)).toHaveCount(0)
  await expect.poll(() => backendWishlist(shopper)).toEqual([varied!.id, plain!.id])
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist, 2 items' })).toBeVisible()
  await expect(page.getByRole('link', { name: varied!.title })).toBeFocused()

  // Move to cart, with a variant to choose first.
  await row(page, varied!.title).getByRole('button', { name: `Move to cart: ${varied!.title}` }).click()
  const options = page.getByRole('group', { name: `Options for ${varied!.title}` })
  await expect(options).toBeFocused()
  await animationsSettled(page)
  expect((await new AxeBuilder({ page }).include('main').analyze()).violations).toEqual([])
  const chosen = varied!.variants.find(v => v.in_stock)!
  for (const [name, value] of Object.entries(chosen.options)) {
    await options.getByRole('group', { name: new RegExp(`^${name}`, 'i') }).getByRole('radio', { name: value, exact: true }).check()
  }
  await options.getByRole('button', { name: 'Add to cart' }).click()
  await expect(row(page, varied!.title)).toHaveCount(0)
  expect(await backendCart(shopper)).toEqual([expect.objectContaining({ product_id: varied!.id, variant_id: chosen.id, quantity: 1 })])
  await expect.poll(() => backendWishlist(shopper)).toEqual([plain!.id])

  // Move to cart, nothing to choose.
  await row(page, plain!.title).getByRole('button', { name: `Move to cart: ${plain!.title}` }).click()
  await expect(page.getByRole('heading', { name: 'Your wishlist is empty' })).toBeVisible()
  expect((await backendCart(shopper)).map(line => line.product_id).sort()).toEqual([varied!.id, plain!.id].sort())
  expect(await backendWishlist(shopper)).toEqual([])
  await animationsSettled(page)
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
})

test('sign-out clears the wishlist here and in the other tab', async ({ page, context }) => {
  const shopper = await newShopper('wishlist-sign-out')
  await gotoHydrated(page, `${SIGN_IN_PATH}?redirect=${encodeURIComponent(PRODUCTS_PATH)}`)
  await signInOnPage(page, shopper)
  await expect(page).toHaveURL(PRODUCTS_PATH)
  const first = page.getByRole('list', { name: 'Products' }).getByRole('button', { name: / to wishlist$/ }).first()
  await first.click()
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist, 1 item' })).toBeVisible()

  const other = await context.newPage()
  await gotoHydrated(other, PRODUCTS_PATH)
  await expect(other.getByRole('banner').getByRole('link', { name: 'Wishlist, 1 item' })).toBeVisible()
  await expect(other.getByRole('button', { pressed: true })).toHaveCount(1)

  await accountButton(page, shopper.name).click()
  await page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { pressed: true })).toHaveCount(0)
  // The other tab was told: its hearts and count are gone, and it is signed out too.
  await expect(other.getByRole('button', { pressed: true })).toHaveCount(0)
  await expect(other.getByRole('banner').getByRole('link', { name: 'Wishlist', exact: true })).toBeVisible()
  await expect(other.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible()
  await other.close()
})
