import { expect, test, type Page } from '../support/test'
import { PRODUCTS_PATH, SIGN_IN_PATH } from '../../../utils/routes/paths'
import { gotoHydrated } from '../auth/support'
import { holdComponent, waitForHydration, whenReplayed } from '../support/hydration'
import { addAtBackend, backendWishlist, clearFaults, countWishlistChanges, heart, injectFault, newShopper, signInOnPage, trackWishlistRequests } from './support'

// Hearts on the listing, in a real browser against the demo backend: the way through sign-in, fast taps, a
// refusal, and what hearts cost in requests. Each test has a shopper of its own (a fresh account).

test.afterEach(clearFaults)

/** The first card of the Products grid: its product id, title and page. */
async function firstCard(page: Page): Promise<{ id: number, title: string, path: string }> {
  const card = page.getByRole('list', { name: 'Products' }).getByRole('listitem').first()
  const href = await card.getByRole('link').first().getAttribute('href')
  return { id: Number(/\/products\/(\d+)-/.exec(href ?? '')?.[1]), title: (await card.getByRole('heading').innerText()).trim(), path: href ?? '' }
}

/** Hearts in a server-rendered page (the virtual grid keeps fewer in the DOM once it measures the screen). */
function heartsIn(html: string): number {
  return html.match(/<button[^>]*class="wishlist-heart[^"]*"/g)?.length ?? 0
}

async function signIn(page: Page, shopper: Awaited<ReturnType<typeof newShopper>>, back: string): Promise<void> {
  await gotoHydrated(page, `${SIGN_IN_PATH}?redirect=${encodeURIComponent(back)}`)
  await signInOnPage(page, shopper)
  await expect(page).toHaveURL(back)
}

test('signed out: the heart leads to sign-in and back to the same page, with that product in the wishlist', async ({ page }) => {
  const shopper = await newShopper('heart-sign-in')
  const listing = `${PRODUCTS_PATH}?sort=price-asc`
  await gotoHydrated(page, listing)
  const product = await firstCard(page)
  const button = heart(page, product.title)
  await expect(button).toHaveAttribute('aria-pressed', 'false')
  await expect(button).toHaveAccessibleName(`Add ${product.title} to wishlist`)

  await button.click()
  await expect(page).toHaveURL(url => url.pathname === SIGN_IN_PATH && url.searchParams.get('redirect') === listing)
  // The intent travels in this tab's sessionStorage, not in any URL a server or cache could keep.
  expect(new URL(page.url()).search).not.toMatch(new RegExp(`\\b${product.id}\\b`))
  await waitForHydration(page)
  await signInOnPage(page, shopper)

  await expect(page).toHaveURL(listing)
  await expect(heart(page, product.title)).toHaveAttribute('aria-pressed', 'true')
  await expect(heart(page, product.title)).toHaveAccessibleName(`Add ${product.title} to wishlist`)
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist, 1 item' })).toBeVisible()
  expect(await backendWishlist(shopper)).toEqual([product.id])
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(String(product.id))
})

/**
 * A signed-in shopper with the first listed product already saved opens `where` with `component`'s code held: the
 * page hydrates and the wishlist starts (the header counts the product) around the server's heart, which shows it
 * unsaved. The shopper's tap on that heart meant "save it": once the code is released and the kept tap replayed,
 * the product is still saved, on screen and at the backend (a toggle would take it out).
 */
async function tapSavedBeforeHydration(page: Page, label: string, component: string, where: (product: { path: string }) => string): Promise<void> {
  const shopper = await newShopper(label)
  await gotoHydrated(page, PRODUCTS_PATH)
  const product = await firstCard(page)
  await addAtBackend(shopper, product.id)
  await signIn(page, shopper, PRODUCTS_PATH)
  const chunk = await holdComponent(page, component)
  await page.goto(where(product))
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist, 1 item' })).toBeVisible()
  await expect.poll(() => chunk.held(), { message: `${component}'s code is on its way and held` }).toBe(1)
  const button = heart(page, product.title)
  await expect(button).toHaveAttribute('aria-pressed', 'false')
  await button.click()
  const replayed = await whenReplayed(page)

  await chunk.release()
  await replayed()
  await expect(button).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist, 1 item' })).toBeVisible()
  expect(await backendWishlist(shopper)).toEqual([product.id])
}

test('the product page\'s heart tapped before it hydrated keeps a product the wishlist already had', async ({ page }) => {
  await tapSavedBeforeHydration(page, 'heart-early', 'ProductDetailHeart', product => product.path)
})

test('a card\'s heart tapped before the grid hydrated keeps a product the wishlist already had', async ({ page }) => {
  await tapSavedBeforeHydration(page, 'card-heart-early', 'WishlistHeart', () => PRODUCTS_PATH)
})

test('a heart a guest gave up on is not added for whoever signs in next in this tab', async ({ page }) => {
  const other = await newShopper('heart-abandoned')
  await gotoHydrated(page, `${PRODUCTS_PATH}?sort=price-asc`)
  const product = await firstCard(page)
  await heart(page, product.title).click()
  await expect(page).toHaveURL(url => url.pathname === SIGN_IN_PATH)
  await waitForHydration(page)

  // The guest browses on instead; later someone else signs in from the header, elsewhere.
  await page.goBack()
  await expect(page).toHaveURL(url => url.pathname === PRODUCTS_PATH)
  await page.getByRole('list', { name: 'Products' }).getByRole('listitem').nth(1).getByRole('link').first().click()
  await expect(page).toHaveURL(url => url.pathname.startsWith(`${PRODUCTS_PATH}/`))
  // The address changes before the product page has rendered; until it has, the listing is on screen and the header's
  // "Sign in" leads back to it (a busy CI run clicked it then, and signing in returned to the listing).
  const signIn = page.getByRole('banner').getByRole('link', { name: 'Sign in' })
  const productPage = new URL(page.url()).pathname
  await expect(signIn).toHaveAttribute('href', `${SIGN_IN_PATH}?redirect=${productPage}`)
  const requests = trackWishlistRequests(page)
  const started = page.waitForResponse(response => new URL(response.url()).pathname === '/api/wishlist/ids/')
  await signIn.click()
  await expect(page).toHaveURL(url => url.pathname === SIGN_IN_PATH)
  await waitForHydration(page)
  await signInOnPage(page, other)
  await expect(page).toHaveURL(url => url.pathname.startsWith(`${PRODUCTS_PATH}/`))
  await started

  expect(requests).not.toContain('POST /api/wishlist/')
  await expect(page.getByText(`${product.title} is in your wishlist.`)).toHaveCount(0)
  expect(await backendWishlist(other)).toEqual([])
})

test('five fast taps end in the last chosen state, on screen and at the backend, one request at a time', async ({ page }) => {
  const shopper = await newShopper('heart-taps')
  const changes = await countWishlistChanges(page)
  await signIn(page, shopper, PRODUCTS_PATH)
  const product = await firstCard(page)
  const button = heart(page, product.title)
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist' })).toBeVisible()

  // A slow backend, so taps land while a change is on its way.
  await injectFault({ path_pattern: '/wishlist/*', method: 'POST', latency_ms: 300 })
  await injectFault({ path_pattern: '/wishlist/*', method: 'DELETE', latency_ms: 300 })

  for (let tap = 0; tap < 5; tap++) await button.click()
  // On, off, on, off, on: the last choice is "saved", shown at once.
  await expect(button).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => backendWishlist(shopper)).toEqual([product.id])
  await expect.poll(async () => (await changes()).inFlight).toBe(0)
  await expect(button).toHaveAttribute('aria-pressed', 'true')

  // Five more: the last choice is "not saved".
  for (let tap = 0; tap < 5; tap++) await button.click()
  await expect(button).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(() => backendWishlist(shopper)).toEqual([])
  await expect.poll(async () => (await changes()).inFlight).toBe(0)
  // Never two changes of one product under way at once.
  const counted = await changes()
  expect(counted.most).toBe(1)

  await page.reload()
  await waitForHydration(page)
  await expect(heart(page, product.title)).toHaveAttribute('aria-pressed', 'false')
})

test('a refused toggle rolls back and says so', async ({ page }) => {
  const shopper = await newShopper('heart-refused')
  await signIn(page, shopper, PRODUCTS_PATH)
  const product = await firstCard(page)
  const button = heart(page, product.title)
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist' })).toBeVisible()

  await injectFault({ path_pattern: '/wishlist/', method: 'POST', status: 503, count: 1 })
  await button.click()
  await expect(page.getByRole('alert').filter({ hasText: `${product.title} could not be added to your wishlist.` })).toBeVisible()
  await expect(button).toHaveAttribute('aria-pressed', 'false')
  await expect(button).toHaveAccessibleName(`Add ${product.title} to wishlist`)
  expect(await backendWishlist(shopper)).toEqual([])

  // The fault is spent: the next tap goes through.
  await button.click()
  await expect.poll(() => backendWishlist(shopper)).toEqual([product.id])
  await expect(button).toHaveAttribute('aria-pressed', 'true')
})

test('24 hearts cost one wishlist request after hydration signed in, none as a guest', async ({ page, browser }) => {
  const shopper = await newShopper('heart-requests')
  await signIn(page, shopper, PRODUCTS_PATH)
  const listed = await firstCard(page)
  await addAtBackend(shopper, listed.id)

  const requests = trackWishlistRequests(page)
  const signedInPage = await page.reload()
  expect(heartsIn(await signedInPage!.text())).toBe(24)
  await waitForHydration(page)
  await expect(heart(page, listed.title)).toHaveAttribute('aria-pressed', 'true')
  await page.waitForLoadState('networkidle')
  expect(requests).toEqual(['GET /api/wishlist/ids/'])

  // A guest, in a browser of their own: the same page (from the shared cache) and no wishlist request at all.
  const guest = await browser.newPage()
  const guestRequests = trackWishlistRequests(guest)
  const response = await guest.goto(PRODUCTS_PATH)
  expect(response?.headers()['cache-control']).toContain('public')
  const html = await response!.text()
  expect(heartsIn(html)).toBe(24)
  expect(html).not.toContain('aria-pressed="true"')
  await waitForHydration(guest)
  await guest.waitForLoadState('networkidle')
  expect(guestRequests).toEqual([])
  await guest.close()
})
