import { expect, test, type Route } from '../support/test'
import {
  backend, cartAtBackend, confirmedOrderId, openCheckout, ordersAtBackend, placeOrderButton, reachReview, seedCart, shopperWithCart,
} from './support'

// One order per attempt, counted at the backend, whatever the shopper's hands and the network do: a double
// click, a reload while the order is being placed (with the answer lost after the backend made the order, and
// with the request lost before it reached the backend), and the history buttons after success.

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
  // Unrouted only once the reload has abandoned the request: a route unrouted while its request is held lets the
  // answer through, and the page got its order before the reload (and went to it, racing the reload).
  await page.reload()
  await page.unroute('**/api/orders/')
  // Back on the checkout, the tab's attempt was "sending": it looks for its order and shows it, saying so.
  const id = await confirmedOrderId(page)
  await expect(page.getByRole('alert').filter({ hasText: 'Your order went through: we found it although the first answer was lost.' })).toBeVisible()
  expect((await ordersAtBackend(api, shopper)).map(o => o.id)).toEqual([id])
  expect(held).toHaveLength(1)
})

test('a reload while a slow order is still being placed: "still confirming", then the order, never "not placed"', async ({ page, context, baseURL }) => {
  await page.setViewportSize({ width: 320, height: 800 })
  const { shopper } = await shopperWithCart(context, baseURL!, api, 'reload-slow', [1])
  await openCheckout(page)
  await reachReview(page)
  const posts: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/orders/') posts.push(request.headers()['idempotency-key'] ?? '')
  })
  // The backend takes 5 s over this order (under the 8-10 s timeouts), then makes it although the tab went away.
  expect((await api.call('/__faults/', { method: 'POST', body: { path_pattern: '/orders/', method: 'POST', latency_ms: 5_000, count: 1 } })).status).toBe(201)
  const received = async () => (await api.call<{ routes: Record<string, number> }>('/__stats/')).body.routes['POST /orders/'] ?? 0
  const before = await received()
  try {
    await placeOrderButton(page).focus()
    await page.keyboard.press('Enter')
    // Reloaded once the backend has the request (and is taking its time over it).
    await expect.poll(received).toBe(before + 1)
    await page.reload()

    // The request may still be running: never "not placed", but said politely and focused, and nothing can send.
    await expect(page.getByRole('status').filter({ hasText: 'still confirming your order' })).toBeFocused()
    await expect(page.getByRole('button', { name: 'Checking your last order…' })).toHaveAttribute('aria-disabled', 'true')
    await page.getByRole('button', { name: 'Checking your last order…' }).press('Enter')
    await expect(page.getByText('not placed yet')).toHaveCount(0)

    // The page goes on looking and lands on the order once the backend has made it; the header's cart is empty.
    const id = await confirmedOrderId(page)
    expect((await ordersAtBackend(api, shopper)).map(o => o.id)).toEqual([id])
    expect(posts).toHaveLength(1)
    await expect(page.getByRole('banner').getByRole('button', { name: /^Cart/ })).toHaveAccessibleName('Cart')
  }
  finally {
    await api.call('/__faults/', { method: 'DELETE' })
  }
})

test('a reload before the request reached the backend: nothing was ordered, and placing again makes one order', async ({ page, context, baseURL }) => {
  const { shopper } = await shopperWithCart(context, baseURL!, api, 'reload-before', [1])
  // The page's clock runs as usual, and is moved on where the test says.
  await page.clock.install()
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
  // For all the page knows the request may still be running at the backend: "still confirming" until it cannot be.
  await expect(page.getByRole('status').filter({ hasText: 'still confirming your order' })).toBeFocused()
  await page.clock.fastForward(16_000)
  // Said, and focused so a screen reader reads it.
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

test('after success, the checkout\'s entries and URLs never show a checkout that can submit again; buying the same again later is a new order', async ({ page, context, baseURL }) => {
  const { shopper, products } = await shopperWithCart(context, baseURL!, api, 'back', [1])
  await openCheckout(page)
  await reachReview(page)
  await placeOrderButton(page).click()
  const id = await confirmedOrderId(page)
  expect((await cartAtBackend(api, shopper)).items).toEqual([])

  // The checkout's step entries are after the order now (Back leaves checkout: back-after-order.spec.ts): Forward
  // onto one lands on the order again.
  const shown: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) shown.push(new URL(frame.url()).search)
  })
  await page.goForward()
  await expect.poll(() => shown).toContain('?step=shipping')
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
