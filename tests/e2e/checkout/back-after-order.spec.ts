import { expect, test, type Page } from '../support/test'
import { productPath } from '../../../utils/routes/paths'
import { cartButton } from '../cart/support'
import { holdChunk, waitForHydration, waitForListeners } from '../support/hydration'
import { backend, confirmedOrderId, fillAddress, ordersAtBackend, placeOrderButton, reachReview, seedCart, shopperWithCart } from './support'

// Back from the order confirmation leaves checkout in one press, for the page checkout was entered from (the cart,
// a product page): the checkout's history entries (one per step, ?step=…) gave way to the order. Back and Forward
// never show a checkout step of the order placed again, and never loop on the order (docs/checkout.md, "After success").

const api = backend()

/**
 * Counts, in this tab's sessionStorage (kept across document loads), every checkout step that is drawn: each step
 * is a new heading element with the step heading's id. Read before the order is placed and after, to see that no
 * step of it was shown again.
 */
async function countStepsShown(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const KEY = 'e2e-checkout-steps-shown'
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue
          if (node.id === 'checkout-step-heading' || node.querySelector('#checkout-step-heading')) {
            sessionStorage.setItem(KEY, String(Number(sessionStorage.getItem(KEY) ?? 0) + 1))
          }
        }
      }
    }).observe(document, { childList: true, subtree: true })
  })
  return () => page.evaluate(() => Number(sessionStorage.getItem('e2e-checkout-steps-shown') ?? 0))
}

/** Every URL the tab's page showed from now on (history traversals within the document included). */
function urlsShown(page: Page): string[] {
  const urls: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(new URL(frame.url()).pathname + new URL(frame.url()).search)
  })
  return urls
}

/** The app's status region, where a client-side page change says the new page's title. */
/**
 * Forward from the page before the confirmation: the order, as it was left; Forward again meets what is left of the
 * checkout's entries (a step's address is passed through) and stays on the order.
 */
async function forwardPastTheOrder(page: Page, id: number): Promise<void> {
  await page.goForward()
  await expect(page).toHaveURL(new RegExp(`/orders/${id}$`))
  await expect(page.getByRole('heading', { name: 'Thank you! Your order is placed.' })).toBeVisible()
  const urls = urlsShown(page)
  await page.goForward()
  await expect.poll(() => urls).toContain('/checkout?step=shipping')
  await expect(page).toHaveURL(new RegExp(`/orders/${id}$`))
  await expect(page.getByRole('heading', { name: 'Thank you! Your order is placed.' })).toBeVisible()
}

function announcer(page: Page) {
  return page.getByRole('status').and(page.locator('#app-announcer'))
}

test('one Back from the confirmation lands on the cart checkout was entered from; Forward shows the order, never a step (320 px)', async ({ page, context, baseURL }) => {
  await page.setViewportSize({ width: 320, height: 720 })
  const { shopper } = await shopperWithCart(context, baseURL!, api, 'back-cart', [1])
  const stepsShown = await countStepsShown(page)
  await page.goto('/cart')
  await waitForHydration(page)
  const proceed = page.getByRole('link', { name: 'Proceed to checkout' })
  await waitForListeners(proceed)
  await proceed.click()
  await expect(page.getByRole('heading', { name: 'Delivery address' })).toBeVisible()
  // Four checkout entries: address, shipping, payment, review.
  await reachReview(page)
  await placeOrderButton(page).click()
  const id = await confirmedOrderId(page)
  const shownBefore = await stepsShown()
  expect(shownBefore).toBeGreaterThanOrEqual(4)

  // One press: the cart, met as any page reached by Back is (its title said, the focus on its heading: the
  // "Proceed to checkout" link it was left from is gone with the emptied cart).
  await page.goBack()
  await expect(page).toHaveURL(/\/cart$/)
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Your cart' })).toBeFocused()
  await expect(announcer(page)).toHaveText('Your cart · Storefront')
  await expect(placeOrderButton(page)).toHaveCount(0)

  await forwardPastTheOrder(page, id)
  // ...and from there one Back is still the cart (no second copy of the order in between).
  await page.goBack()
  await expect(page).toHaveURL(/\/cart$/)
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible()

  expect(await stepsShown()).toBe(shownBefore)
  expect((await ordersAtBackend(api, shopper)).map(o => o.id)).toEqual([id])
})

test('steps taken before the code that marks them has arrived: one Back from the confirmation is still the cart', async ({ page, context, baseURL }) => {
  await shopperWithCart(context, baseURL!, api, 'back-slow', [1])
  await page.goto('/cart')
  await waitForHydration(page)
  // The placing chunk (it holds the marks: the key is its string alone) is held back as on a slow connection,
  // while the shopper fills in the address and goes on two steps.
  const placing = await holdChunk(page, '"checkoutEntry"')
  const proceed = page.getByRole('link', { name: 'Proceed to checkout' })
  await waitForListeners(proceed)
  await proceed.click()
  await fillAddress(page)
  await page.getByRole('button', { name: 'Continue to shipping' }).click()
  await page.getByRole('radio', { name: /^Standard/ }).check()
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await expect(page.getByRole('heading', { name: 'Payment' })).toBeVisible()
  await expect.poll(placing.held).toBeGreaterThan(0)
  await placing.release()
  await page.getByRole('radio', { name: /^Visa/ }).check()
  await page.getByRole('button', { name: 'Continue to review' }).click()
  await placeOrderButton(page).click()
  const id = await confirmedOrderId(page)

  await page.goBack()
  await expect(page).toHaveURL(/\/cart$/)
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Your cart' })).toBeFocused()
  await page.goForward()
  await expect(page).toHaveURL(new RegExp(`/orders/${id}$`))
})

test('a new cart checked out from a step\'s entry left after an order: its own confirmation, and one Back is still the cart', async ({ page, context, baseURL }) => {
  const { shopper, products } = await shopperWithCart(context, baseURL!, api, 'back-again', [1])
  await page.goto('/cart')
  await waitForHydration(page)
  const proceed = page.getByRole('link', { name: 'Proceed to checkout' })
  await waitForListeners(proceed)
  await proceed.click()
  await reachReview(page)
  await placeOrderButton(page).click()
  const first = await confirmedOrderId(page)

  // Something in the cart again (from another tab, say), then Forward onto the shipping step's entry: a checkout of
  // the new cart, from its first step.
  await seedCart(api, shopper, [{ product: products[0]!, quantity: 2 }])
  await page.goForward()
  await expect(page.getByRole('heading', { name: 'Delivery address' })).toBeVisible()
  await reachReview(page)
  await placeOrderButton(page).click()
  const second = await confirmedOrderId(page)
  expect(second).not.toBe(first)

  await page.goBack()
  await expect(page).toHaveURL(/\/cart$/)
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Your cart' })).toBeFocused()
  expect((await ordersAtBackend(api, shopper)).map(o => o.id).sort((a, b) => a - b)).toEqual([first, second].sort((a, b) => a - b))
})

test('checkout entered from a product page, reloaded on the way, the answer lost: the order is found and said, and one Back is the product page', async ({ page, context, baseURL }) => {
  const { shopper, products } = await shopperWithCart(context, baseURL!, api, 'back-product', [1])
  const product = products[0]!
  const productPage = productPath(product)
  const stepsShown = await countStepsShown(page)
  await page.goto(productPage)
  await waitForHydration(page)
  await waitForListeners(cartButton(page))
  // The header's mini-cart, as a shopper goes from a product page.
  await cartButton(page).click()
  await page.getByRole('dialog').getByRole('link', { name: 'Checkout', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Delivery address' })).toBeVisible()
  await reachReview(page)
  // A reload on review: the entries' marks are in their history state, which a reload keeps.
  await page.reload()
  await waitForHydration(page)
  await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible()
  // The backend makes the order; its answer is lost on the way back, so the page looks for the order, finds it and
  // says so (as it goes back through the checkout's entries to put the order in the first one's place).
  await page.route('**/api/orders/', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    await route.fetch()
    await route.abort('connectionreset')
  })
  await placeOrderButton(page).click()
  const id = await confirmedOrderId(page)
  await expect(page.getByRole('alert').filter({ hasText: 'Your order went through: we found it although the first answer was lost.' })).toBeVisible()
  await page.unroute('**/api/orders/')
  const shownBefore = await stepsShown()
  expect(shownBefore).toBeGreaterThanOrEqual(4)

  await page.goBack()
  await expect(page).toHaveURL(new RegExp(`${productPage}$`))
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: product.title })).toBeVisible()

  await forwardPastTheOrder(page, id)
  await page.goBack()
  await expect(page).toHaveURL(new RegExp(`${productPage}$`))
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: product.title })).toBeVisible()

  expect(await stepsShown()).toBe(shownBefore)
  expect((await ordersAtBackend(api, shopper)).map(o => o.id)).toEqual([id])
})
