import { expect, test, type Route } from '../support/test'
import {
  backend, cartAtBackend, confirmedOrderId, openCheckout, ordersAtBackend, placeOrderButton, reachReview, seedCart, shopperWithCart,
} from './support'

// One order per attempt, counted at the backend, whatever the shopper's hands and the network do: a double
// click, a reload while the order is being placed (with the answer lost after the backend made the order, and
// with the request lost before it reached the backend), and the back button after success.

const api = backend()

test('a double click on "Place order" sends one request and makes one order', async ({ page, context, baseURL }) => {
  const { shopper } = await shopperWithCart(context, baseURL!, api, 'double-click', [2])
  const posts: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/orders/') posts.push(request.headers()['idempotency-key'] ?? '')
  })
  await openCheckout(page)
  await reachReview(page)
  await placeOrderButton(page).dblclick()
  const id = await confirmedOrderId(page)
  expect(posts).toHaveLength(1)
  expect((await ordersAtBackend(api, shopper)).map(o => o.id)).toEqual([id])
})

test('a reload while the order is placed: the answer was lost after the backend made it, and the page finds it', async ({ page, context, baseURL }) => {
  const { shopper } = await shopperWithCart(context, baseURL!, api, 'reload-after', [1])
  await openCheckout(page)
  await reachReview(page)
  // The request goes to the backend (the order is made); its answer is held back from the page.
  let reachedBackend!: () => void
  const made = new Promise<void>((resolve) => {
    reachedBackend = resolve
  })
  const held: Route[] = []
  await page.route('**/api/orders/', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    held.push(route)
    await route.fetch()
    reachedBackend()
  })
  await placeOrderButton(page).click()
  await expect(placeOrderButton(page)).toBeDisabled()
  await made
  expect(await ordersAtBackend(api, shopper)).toHaveLength(1)
  await page.unroute('**/api/orders/')
  await page.reload()
  // Back on the checkout, the tab's attempt was "sending": it looks for its order and shows it.
  const id = await confirmedOrderId(page)
  expect((await ordersAtBackend(api, shopper)).map(o => o.id)).toEqual([id])
  expect(held).toHaveLength(1)
})

test('a reload before the request reached the backend: nothing was ordered, and placing again makes one order', async ({ page, context, baseURL }) => {
  const { shopper } = await shopperWithCart(context, baseURL!, api, 'reload-before', [1])
  await openCheckout(page)
  await reachReview(page)
  const keys: string[] = []
  let holding!: () => void
  const heldBack = new Promise<void>((resolve) => {
    holding = resolve
  })
  let release!: () => void
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  // The request is held in the browser and never reaches the backend; the reload abandons it.
  await page.route('**/api/orders/', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    keys.push(route.request().headers()['idempotency-key'] ?? '')
    holding()
    await released
    await route.abort().catch(() => {})
  })
  await placeOrderButton(page).click()
  await heldBack
  await page.reload()
  release()
  await page.unroute('**/api/orders/')
  // Said, and focused so a screen reader reads it: it appears with the page, not into a region already there.
  await expect(page.getByRole('status').filter({ hasText: 'Your order was not placed yet' })).toBeFocused()
  expect(await ordersAtBackend(api, shopper)).toEqual([])
  // Everything is still there: the review shows the address and the card, and placing sends the same key.
  await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible()
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/orders/') keys.push(request.headers()['idempotency-key'] ?? '')
  })
  await placeOrderButton(page).click()
  const id = await confirmedOrderId(page)
  expect((await ordersAtBackend(api, shopper)).map(o => o.id)).toEqual([id])
  expect(new Set(keys).size).toBe(1)
})

test('back after success never shows a checkout that can submit again; buying the same again later is a new order', async ({ page, context, baseURL }) => {
  const { shopper, products } = await shopperWithCart(context, baseURL!, api, 'back', [1])
  await openCheckout(page)
  await reachReview(page)
  await placeOrderButton(page).click()
  const id = await confirmedOrderId(page)
  expect((await cartAtBackend(api, shopper)).items).toEqual([])

  // Back (to the payment step's URL) lands on the order again.
  await page.goBack()
  await page.waitForURL(`**/orders/${id}`)
  await expect(placeOrderButton(page)).toHaveCount(0)
  // Straight to the review step's URL: the same.
  await page.goto('/checkout?step=review')
  await page.waitForURL(`**/orders/${id}`)
  await expect(placeOrderButton(page)).toHaveCount(0)

  // A new cart later is a new checkout, starting at the address (filled in from that order); nothing is sent.
  await seedCart(api, shopper, [{ product: products[0]!, quantity: 1 }])
  await openCheckout(page, '/checkout?step=review')
  await expect(page.getByRole('heading', { name: 'Delivery address' })).toBeVisible()
  await expect(page.getByText('We filled in the address of your last order.')).toBeVisible()
  await expect(page.getByLabel('Street address')).toHaveValue('10 Downing Lane')
  expect((await ordersAtBackend(api, shopper)).map(o => o.id)).toEqual([id])

  // The same product, address, shipping and card as the first order: placing it makes a second order.
  await reachReview(page)
  await placeOrderButton(page).click()
  const second = await confirmedOrderId(page)
  expect(second).not.toBe(id)
  expect((await ordersAtBackend(api, shopper)).map(o => o.id).sort((a, b) => a - b)).toEqual([id, second].sort((a, b) => a - b))
  expect((await cartAtBackend(api, shopper)).items).toEqual([])
})

test('"Place order" pressed offline tries to send at once, and the same attempt places one order when back online', async ({ page, context, baseURL }) => {
  const { shopper } = await shopperWithCart(context, baseURL!, api, 'offline-click', [1])
  await openCheckout(page)
  await reachReview(page)
  // The code that places orders is in the page by now: the press does not wait for a file while offline (when the
  // order would be sent whenever the connection came back, the shopper perhaps gone).
  const failed = page.waitForEvent('requestfailed', request => request.method() === 'POST' && new URL(request.url()).pathname === '/api/orders/')
  await context.setOffline(true)
  await placeOrderButton(page).click()
  await failed
  expect(await ordersAtBackend(api, shopper)).toEqual([])
  // The attempt sends again after 1, 2, 4... s with the same key: online again, it places the order once.
  await context.setOffline(false)
  const id = await confirmedOrderId(page)
  expect((await ordersAtBackend(api, shopper)).map(o => o.id)).toEqual([id])
})
