import { expect, test, type APIRequestContext, type Page } from '../support/test'
import { PRODUCTS_PATH, SIGN_IN_PATH, WISHLIST_PATH } from '../../../utils/routes/paths'
import { gotoHydrated } from '../auth/support'
import { addAtBackend, backendWishlist, clearFaults, injectFault, newShopper, signInOnPage, type Shopper } from './support'

// "Undo" after "Remove" on /wishlist, at 320 px and by keyboard: the row gives way, in place, to a line saying what
// went, with the focus on its Undo; Undo adds the product at the backend again and the row is back where it was.

interface Summary { id: number, title: string }

/** Three products in stock, through the storefront's API proxy. */
async function threeProducts(request: APIRequestContext): Promise<[Summary, Summary, Summary]> {
  const list = await (await request.get('/api/products/?page_size=3&in_stock=true')).json() as { results: Summary[] }
  const [a, b, c] = list.results
  return [a!, b!, c!]
}

test.afterEach(clearFaults)

async function openWishlist(page: Page, shopper: Shopper): Promise<void> {
  await page.setViewportSize({ width: 320, height: 740 })
  await gotoHydrated(page, `${SIGN_IN_PATH}?redirect=${encodeURIComponent(WISHLIST_PATH)}`)
  await signInOnPage(page, shopper)
  await expect(page).toHaveURL(WISHLIST_PATH)
}

const items = (page: Page) => page.getByRole('list', { name: 'Saved products' }).getByRole('listitem')
const undoButton = (page: Page, title: string) => page.getByRole('button', { name: `Undo: put ${title} back in your wishlist` })
const announcer = (page: Page) => page.getByRole('status').and(page.locator('#app-announcer'))

async function removeByKeyboard(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Remove ${title} from wishlist` }).focus()
  await page.keyboard.press('Enter')
}

test('Remove leaves Undo in the row\'s place with the focus; Undo puts the product back there; a refusal says so', async ({ page, request }) => {
  const shopper = await newShopper('wishlist-undo')
  const [a, b, c] = await threeProducts(request)
  for (const product of [a, b, c]) await addAtBackend(shopper, product.id)
  await openWishlist(page, shopper)
  await expect(items(page).getByRole('heading')).toHaveText([c.title, b.title, a.title])

  await removeByKeyboard(page, b.title)
  await expect(items(page)).toHaveCount(3)
  await expect(items(page).nth(1)).toContainText(`Removed ${b.title}.`)
  await expect(items(page).nth(1).getByRole('heading')).toHaveCount(0)
  await expect(undoButton(page, b.title)).toBeFocused()
  await expect(announcer(page)).toHaveText(`Removed ${b.title} from your wishlist.`)
  await expect.poll(() => backendWishlist(shopper)).toEqual([c.id, a.id])
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)

  // Refused: the product stays removed, the line says so by name, Undo keeps the focus and stays on offer.
  await injectFault({ path_pattern: '/wishlist/', method: 'POST', status: 503, count: 20 })
  await page.keyboard.press('Enter')
  await expect(items(page).nth(1)).toContainText(`${b.title} could not be put back in your wishlist.`)
  await expect(announcer(page)).toContainText(`${b.title} could not be put back in your wishlist.`)
  await expect(undoButton(page, b.title)).toBeFocused()
  await expect(items(page).getByRole('heading')).toHaveText([c.title, a.title])
  expect(await backendWishlist(shopper)).toEqual([c.id, a.id])

  await clearFaults()
  await page.keyboard.press('Enter')
  await expect(items(page).getByRole('heading')).toHaveText([c.title, b.title, a.title])
  await expect(items(page).nth(1).getByRole('link', { name: b.title })).toBeFocused()
  await expect(announcer(page)).toHaveText(`${b.title} is back in your wishlist.`)
  await expect(undoButton(page, b.title)).toHaveCount(0)
  await expect.poll(() => backendWishlist(shopper)).toEqual([b.id, c.id, a.id])
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist, 3 items' })).toBeVisible()
})

test('only the last removal offers Undo, and the offer ends when the shopper leaves the page', async ({ page, request }) => {
  const shopper = await newShopper('wishlist-undo-last')
  const [a, b, c] = await threeProducts(request)
  for (const product of [a, b, c]) await addAtBackend(shopper, product.id)
  await openWishlist(page, shopper)

  await removeByKeyboard(page, b.title)
  await expect(undoButton(page, b.title)).toBeFocused()
  await removeByKeyboard(page, c.title)
  await expect(undoButton(page, c.title)).toBeFocused()
  await expect(undoButton(page, b.title)).toHaveCount(0)
  await expect(items(page)).toHaveCount(2)
  await expect(items(page).first()).toContainText(`Removed ${c.title}.`)
  await expect(items(page).nth(1).getByRole('heading')).toHaveText(a.title)
  await expect.poll(() => backendWishlist(shopper)).toEqual([a.id])

  // The last product removed: the wishlist says it is empty, and still offers Undo.
  await removeByKeyboard(page, a.title)
  await expect(undoButton(page, a.title)).toBeFocused()
  await expect(page.getByRole('heading', { name: 'Your wishlist is empty' })).toBeVisible()
  await expect.poll(() => backendWishlist(shopper)).toEqual([])

  await page.getByRole('link', { name: 'Browse all products' }).click()
  await expect(page).toHaveURL(PRODUCTS_PATH)
  await page.goBack()
  await expect(page).toHaveURL(WISHLIST_PATH)
  await expect(page.getByRole('heading', { name: 'Your wishlist is empty' })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveCount(0)
})
