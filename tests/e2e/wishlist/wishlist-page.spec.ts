import AxeBuilder from '@axe-core/playwright'
import { animationsSettled } from '../support/animations'
import { expect, test, type APIRequestContext, type Page } from '../support/test'
import { PRODUCTS_PATH, SIGN_IN_PATH, WISHLIST_PATH } from '../../../utils/routes/paths'
import { accountButton, gotoHydrated } from '../auth/support'
import { addAtBackend, backendCart, backendWishlist, clearFaults, injectFault, newShopper, signInOnPage, type Shopper } from './support'

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

test.afterEach(clearFaults)

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

  // Remove: gone at once, from the backend too; the focus goes to the Undo in its place (wishlist-undo.spec.ts).
  await row(page, other!.title).getByRole('button', { name: `Remove ${other!.title} from wishlist` }).click()
  await expect(row(page, other!.title)).toHaveCount(0)
  await expect.poll(() => backendWishlist(shopper)).toEqual([varied!.id, plain!.id])
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist, 2 items' })).toBeVisible()
  await expect(page.getByRole('button', { name: `Undo: put ${other!.title} back in your wishlist` })).toBeFocused()

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
  // The row leaves once the cart has the product; the wishlist's removal follows (a busy CI run read it before).
  await expect.poll(() => backendWishlist(shopper)).toEqual([])
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

/** Signs in through the form and lands on /wishlist, rendered for the shopper. */
async function openWishlist(page: Page, shopper: Shopper): Promise<void> {
  await gotoHydrated(page, `${SIGN_IN_PATH}?redirect=${encodeURIComponent(WISHLIST_PATH)}`)
  await signInOnPage(page, shopper)
  await expect(page).toHaveURL(WISHLIST_PATH)
}

test('refusals on /wishlist: what the backend has stays on screen, the focus returns to the row, a half-done move offers Remove only', async ({ page, request }) => {
  const shopper = await newShopper('wishlist-refusals')
  const [first, second, third, fourth] = await findProducts(request, 4, d => d.variants.length === 0 && d.stock >= 2)
  for (const product of [first!, second!, third!, fourth!]) await addAtBackend(shopper, product.id)
  await openWishlist(page, shopper)
  const titles = page.getByRole('list', { name: 'Saved products' }).getByRole('listitem').getByRole('heading')
  await expect(titles).toHaveText([fourth!.title, third!.title, second!.title, first!.title])
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist, 4 items' })).toBeVisible()

  await row(page, fourth!.title).getByRole('button', { name: `Remove ${fourth!.title} from wishlist` }).click()
  await expect.poll(() => backendWishlist(shopper)).toEqual([third!.id, second!.id, first!.id])

  // The next removal fails (503 on every try): the store reads the ids again. The product removed before stays gone.
  await injectFault({ path_pattern: '/wishlist/*', method: 'DELETE', status: 503, count: 20 })
  const removeThird = row(page, third!.title).getByRole('button', { name: `Remove ${third!.title} from wishlist` })
  await removeThird.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: `${third!.title} could not be removed from your wishlist.` })).toBeVisible()
  await expect(titles).toHaveText([third!.title, second!.title, first!.title])
  await expect(page.getByText('3 products saved for later')).toBeVisible()
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist, 3 items' })).toBeVisible()
  // The row left while the change was under way and came back: so did the focus, to the button pressed.
  await expect(removeThird).toBeFocused()

  // Move to cart: the cart takes it, the wishlist (still failing) keeps it. The row says so and offers Remove only.
  await row(page, second!.title).getByRole('button', { name: `Move to cart: ${second!.title}` }).click()
  const secondRow = row(page, second!.title)
  await expect(secondRow.getByRole('alert')).toHaveText('In your cart, but it could not be taken off your wishlist. Use Remove to try again.')
  await expect(secondRow.getByRole('button', { name: `Move to cart: ${second!.title}` })).toHaveCount(0)
  const removeSecond = secondRow.getByRole('button', { name: `Remove ${second!.title} from wishlist` })
  await expect(removeSecond).toBeFocused()
  // The row explains it: no toast saying the product "could not be removed", as if the move had failed.
  await expect(page.getByRole('alert').filter({ hasText: `${second!.title} could not be removed` })).toHaveCount(0)
  expect(await backendCart(shopper)).toEqual([expect.objectContaining({ product_id: second!.id, quantity: 1 })])

  await clearFaults()
  await removeSecond.click()
  await expect(secondRow).toHaveCount(0)
  await expect.poll(() => backendWishlist(shopper)).toEqual([third!.id, first!.id])
  expect(await backendCart(shopper)).toEqual([expect.objectContaining({ product_id: second!.id, quantity: 1 })])
})

test('pressed before the wishlist\'s code has loaded, Remove moves the focus when the row leaves', async ({ page, request }) => {
  const shopper = await newShopper('wishlist-early')
  const [first, second] = await findProducts(request, 2, d => d.stock >= 1)
  for (const product of [first!, second!]) await addAtBackend(shopper, product.id)
  await openWishlist(page, shopper)

  // A fresh page load whose wishlist code (it loads when the page is idle) is held back until released.
  let release!: () => void
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(url => url.pathname.startsWith('/_nuxt/') && url.pathname.endsWith('.js'), async (route) => {
    const response = await route.fetch()
    const body = await response.text()
    // The wishlist's runtime is the chunk that names its cross-tab channel.
    if (body.includes('storefront:wishlist')) await held
    await route.fulfill({ response, body })
  })
  await gotoHydrated(page, WISHLIST_PATH)
  const remove = row(page, second!.title).getByRole('button', { name: `Remove ${second!.title} from wishlist` })
  await remove.focus()
  await page.keyboard.press('Enter')
  await expect(row(page, second!.title)).toHaveCount(1)
  await expect(remove).toBeFocused()

  release()
  await expect(row(page, second!.title)).toHaveCount(0)
  await expect(page.getByRole('button', { name: `Undo: put ${second!.title} back in your wishlist` })).toBeFocused()
  await expect.poll(() => backendWishlist(shopper)).toEqual([first!.id])
})

test('a heart in another tab shows up on this tab\'s open /wishlist', async ({ page, context }) => {
  const shopper = await newShopper('wishlist-tabs')
  // Once this tab's wishlist has started (it reads the ids when the page is idle), it hears the other tab.
  const started = page.waitForResponse(response => new URL(response.url()).pathname === '/api/wishlist/ids/')
  await openWishlist(page, shopper)
  await expect(page.getByRole('heading', { name: 'Your wishlist is empty' })).toBeVisible()
  await started

  const other = await context.newPage()
  await gotoHydrated(other, PRODUCTS_PATH)
  const card = other.getByRole('list', { name: 'Products' }).getByRole('listitem').first()
  const title = (await card.getByRole('heading').innerText()).trim()
  await card.getByRole('button', { name: `Add ${title} to wishlist`, exact: true }).click()
  await expect(other.getByRole('banner').getByRole('link', { name: 'Wishlist, 1 item' })).toBeVisible()

  await expect(page.getByRole('list', { name: 'Saved products' }).getByRole('listitem').getByRole('heading')).toHaveText([title])
  await expect(page.getByText('1 product saved for later')).toBeVisible()
  await other.close()
})
