import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import { signInThroughForm } from '../e2e/auth/support'
import { addTwoProductsAsGuest, expectCartCount } from '../e2e/cart/support'
import { confirmedOrderId, fillAddress, placeOrderButton } from '../e2e/checkout/support'
import { waitForHydration } from '../e2e/support/hydration'
import { call, newShopper, PASSWORD } from './support'

// A shopper's order against the real DRF backend (playwright.config.ts here): guest cart, sign-in at checkout,
// the steps, the confirmation, the history (its second page as DRF's cursor names it) and an order's page.
// Products come from the seed (no demo control endpoints here): the first ones without variants and with stock.

/** Sets whether the shop offers the named shipping method (no endpoint for it: the backend's own ORM, on its data). */
function offerShipping(name: string, active: boolean): void {
  const code = `from catalog.models import ShippingMethod; ShippingMethod.objects.filter(name=${JSON.stringify(name)}).update(active=${active ? 'True' : 'False'})`
  execFileSync('/usr/bin/python3', [fileURLToPath(new URL('./manage.py', import.meta.url)), 'shell', '-c', code], { env: { ...process.env, DRF_REAL_DATA: process.env.DRF_REAL_DATA } })
}

interface Product { id: number, slug: string, title: string, stock: number, variants: unknown[] }

/** Products without variants holding `minStock` or more, from id 100 + skip on (each test its own range). */
async function simpleProducts(count: number, skip = 0, minStock = 5): Promise<Product[]> {
  const found: Product[] = []
  for (let id = 100 + skip; found.length < count; id++) {
    const { status, body } = await call<Product>(`/products/${id}/`)
    if (status === 200 && body.variants.length === 0 && body.stock >= minStock) found.push(body)
  }
  return found
}

async function reachReview(page: Page, card = /^Visa/): Promise<void> {
  await fillAddress(page)
  await page.getByRole('button', { name: 'Continue to shipping' }).click()
  await expect(page.getByRole('heading', { name: 'Shipping method' })).toBeFocused()
  await page.getByRole('radio', { name: /^Express/ }).check()
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await page.getByRole('radio', { name: card }).check()
  await page.getByRole('button', { name: 'Continue to review' }).click()
  await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible()
}

test('guest cart -> sign in at checkout -> Express, Visa -> confirmation -> history and the order page', async ({ page }) => {
  const shopper = await newShopper('journey')
  const [mug, lamp] = await simpleProducts(2)
  await addTwoProductsAsGuest(page, mug!, lamp!)

  await page.goto('/checkout')
  await page.waitForURL('**/auth/login?redirect=/checkout')
  await waitForHydration(page)
  await signInThroughForm(page, shopper.email, PASSWORD)
  await page.waitForURL('**/checkout?step=address')
  const summary = page.getByRole('complementary', { name: 'Order summary' })
  await expect(summary.getByText(mug!.title)).toBeVisible()
  await expect(summary.getByText(lamp!.title)).toBeVisible()

  await reachReview(page)
  await expect(summary.getByText('Shipping (Express)')).toBeVisible()
  const shownTotal = await summary.getByRole('definition').last().textContent()
  await placeOrderButton(page).click()

  const id = await confirmedOrderId(page)
  const orders = (await call<{ results: Array<{ id: number, number: string, total: string, items: Array<{ product_id: number, quantity: number }> }> }>('/orders/?page_size=100', { token: shopper.token })).body.results
  expect(orders.map(o => o.id)).toEqual([id])
  expect(orders[0]!.items.map(i => [i.product_id, i.quantity]).sort()).toEqual([[mug!.id, 2], [lamp!.id, 1]].sort())
  expect(shownTotal).toBe(`$${orders[0]!.total}`)
  await expect(page.getByText(orders[0]!.number).first()).toBeVisible()
  await expectCartCount(page, 0)

  await page.getByRole('link', { name: 'All your orders' }).click()
  await expect(page.getByRole('heading', { name: 'Your orders' })).toBeVisible()
  await page.getByRole('link', { name: `Order ${orders[0]!.number}` }).click()
  await page.waitForURL(`**/orders/${id}`)
  await expect(page.getByText(orders[0]!.number).first()).toBeVisible()
  expect((await page.goto('/orders/999999'))?.status()).toBe(404)
})

test('the history pages through DRF\'s cursor: 12 orders, 10 then "Show older orders"', async ({ page, baseURL }) => {
  const shopper = await newShopper('history')
  const [product] = await simpleProducts(1, 40, 12)
  const address = { full_name: 'Wanda Walk', line1: '1 Cursor Row', city: 'Leeds', postal_code: 'LS1 1AA', country: 'GB' }
  const numbers: string[] = []
  for (let i = 0; i < 12; i++) {
    await call('/cart/items/', { method: 'POST', token: shopper.token, body: { product_id: product!.id, quantity: 1 } })
    const placed = await call<{ number: string }>('/orders/', { method: 'POST', token: shopper.token, key: `walk-${i}-${shopper.email}`, body: { shipping_address: address, shipping_method_id: 1, payment_token: 'tok_visa' } })
    expect(placed.status).toBe(201)
    numbers.unshift(placed.body.number)
  }
  const login = await page.request.post(`${baseURL}/api/auth/login`, { data: { email: shopper.email, password: PASSWORD }, headers: { 'origin': baseURL!, 'x-requested-with': 'storefront' } })
  expect(login.status()).toBe(200)
  await page.goto('/orders')
  await waitForHydration(page)
  const links = page.getByRole('link', { name: /^Order / })
  await expect(links).toHaveCount(10)
  await page.getByRole('button', { name: 'Show older orders' }).click()
  await expect(links).toHaveCount(12)
  expect(await links.allTextContents().then(texts => texts.map(t => t.match(/\d{8}-\d{5}/)?.[0]))).toEqual(numbers)
  await expect(page.getByText('That is every order.')).toBeVisible()
})

/** A shopper whose account cart holds `lines`, signed in in the page's context through the BFF, on the review step. */
async function atReview(page: Page, baseURL: string, label: string, lines: Array<{ product: Product, quantity: number }>, card = /^Visa/) {
  const shopper = await newShopper(label)
  for (const { product, quantity } of lines) {
    expect((await call('/cart/items/', { method: 'POST', token: shopper.token, body: { product_id: product.id, quantity } })).status).toBe(201)
  }
  const login = await page.request.post(`${baseURL}/api/auth/login`, { data: { email: shopper.email, password: PASSWORD }, headers: { 'origin': baseURL, 'x-requested-with': 'storefront' } })
  expect(login.status()).toBe(200)
  await page.goto('/checkout')
  await waitForHydration(page)
  await reachReview(page, card)
  return shopper
}

const ordersOf = async (token: string) => (await call<{ results: Array<{ id: number }> }>('/orders/', { token })).body.results

test('a declined card (DRF\'s 402 carries no code): said on the payment step; Visa then makes one order', async ({ page, baseURL }) => {
  const [product] = await simpleProducts(1, 60)
  const shopper = await atReview(page, baseURL!, 'declined', [{ product: product!, quantity: 1 }], /^Declined card/)
  await placeOrderButton(page).click()
  await expect(page.getByRole('heading', { name: 'Payment' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('Your payment was declined. Nothing was charged.')
  expect(await ordersOf(shopper.token)).toEqual([])
  await page.getByRole('radio', { name: /^Visa/ }).check()
  await page.getByRole('button', { name: 'Continue to review' }).click()
  await placeOrderButton(page).click()
  const id = await confirmedOrderId(page)
  expect((await ordersOf(shopper.token)).map(o => o.id)).toEqual([id])
})

test('sold out while reviewing (DRF\'s 409 lines as strings): back to the cart with the line flagged', async ({ page, baseURL }) => {
  const [scarce] = await simpleProducts(1, 80)
  const shopper = await atReview(page, baseURL!, 'sold-out', [{ product: scarce!, quantity: 2 }])
  // A rival buys all but one.
  const rival = await newShopper('rival')
  await call('/cart/items/', { method: 'POST', token: rival.token, body: { product_id: scarce!.id, quantity: scarce!.stock - 1 } })
  const address = { full_name: 'Rita Rival', line1: '2 Race Road', city: 'Hull', postal_code: 'HU1 1AA', country: 'GB' }
  expect((await call('/orders/', { method: 'POST', token: rival.token, key: `rival-${rival.email}`, body: { shipping_address: address, shipping_method_id: 1, payment_token: 'tok_visa' } })).status).toBe(201)

  await placeOrderButton(page).click()
  await page.waitForURL('**/cart')
  await expect(page.getByRole('alert').filter({ hasText: 'Some items sold out while you were checking out' })).toBeVisible()
  const line = page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem').filter({ hasText: scarce!.title })
  await expect(line).toContainText('Only 1 left: lower the quantity to check out.')
  expect(await ordersOf(shopper.token)).toEqual([])
})

test('the answer to "Place order" is lost after DRF made the order: one order, and the confirmation', async ({ page, baseURL }) => {
  const [product] = await simpleProducts(1, 100)
  const shopper = await atReview(page, baseURL!, 'lost', [{ product: product!, quantity: 1 }])
  const keys: string[] = []
  await page.route('**/api/orders/', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    keys.push(route.request().headers()['idempotency-key'] ?? '')
    if (keys.length > 1) return route.fallback()
    await route.fetch()
    await route.abort('connectionreset')
  })
  await placeOrderButton(page).click()
  const id = await confirmedOrderId(page)
  expect((await ordersOf(shopper.token)).map(o => o.id)).toEqual([id])
  // Whether the page found the order or sent again, a second send kept the key (DRF replays it).
  expect(new Set(keys).size).toBe(1)
})

test('the shipping method is retired while the shopper reviews: the shipping step says so in words and offers the rest', async ({ page, baseURL }) => {
  const [product] = await simpleProducts(1, 120)
  const shopper = await atReview(page, baseURL!, 'retired', [{ product: product!, quantity: 1 }])
  offerShipping('Express', false)
  try {
    await placeOrderButton(page).click()
    await expect(page.getByRole('heading', { name: 'Shipping method' })).toBeVisible()
    // DRF's own sentence is 'Invalid pk "2" - object does not exist.', written for developers.
    await expect(page.getByText('The shipping method you chose is no longer offered. Please choose another.')).toBeVisible()
    await expect(page.getByText(/Invalid pk/)).toHaveCount(0)
    await expect(page.getByRole('radio', { name: /^Express/ })).toHaveCount(0)
    await page.getByRole('radio', { name: /^Standard/ }).check()
    // A step's button goes where it says (ae73e7f): to the payment, still chosen, and from there back to the review.
    await page.getByRole('button', { name: 'Continue to payment' }).click()
    await expect(page.getByRole('radio', { name: /^Visa/ })).toBeChecked()
    await page.getByRole('button', { name: 'Save and review your order' }).click()
    await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible()
    await expect(page.getByRole('complementary', { name: 'Order summary' }).getByText('Shipping (Standard)')).toBeVisible()
    await placeOrderButton(page).click()
    const id = await confirmedOrderId(page)
    expect((await ordersOf(shopper.token)).map(o => o.id)).toEqual([id])
  }
  finally {
    offerShipping('Express', true)
  }
})
