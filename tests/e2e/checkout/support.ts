import AxeBuilder from '@axe-core/playwright'
import { animationsSettled } from '../support/animations'
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test'
import { waitForHydration } from '../support/hydration'
import { workerApiBase } from '../support/apiBase'
import { nextInTest, testSeed } from '../support/testSeed'

// Checkout tests seed what is not the behaviour under test straight at the backend (a shopper, a cart, stock),
// sign the browser in with one BFF request, and count orders at the backend: that count is the truth.

export const PASSWORD = 'checkout-password-1'

export interface Shopper {
  email: string
  name: string
  /** An access token of the backend's own, for seeding and counting (the browser has its own session). */
  token: () => Promise<string>
}

export interface Backend {
  base: string
  call: <T = unknown>(path: string, init?: { method?: string, body?: unknown, token?: string }) => Promise<{ status: number, body: T }>
}

/** The worker's backend unless `base` names another; read when called, so a spec may hold one at its top level. */
export function backend(base?: string): Backend {
  const root = () => base ?? workerApiBase()
  return {
    get base() { return root() },
    async call(path, init = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (init.token) headers.authorization = `Bearer ${init.token}`
      const response = await fetch(`${root()}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
      const text = await response.text()
      return { status: response.status, body: (text ? JSON.parse(text) : null) as never }
    },
  }
}

// Seeds come from the running test (support/testSeed.ts), not the clock: a failing run can be replayed with the same
// accounts and products, and tests that run at the same time never share a product's stock or a shopper's cart.

/** A fresh account at the backend: no orders, an empty cart, its own rate-limit bucket. */
export async function newShopper(api: Backend, label: string): Promise<Shopper> {
  const email = `e2e-checkout-${label}-${testSeed().toString(36)}-${nextInTest('shopper')}@example.com`
  const registered = await api.call('/auth/register/', { method: 'POST', body: { email, password: PASSWORD, first_name: 'Cleo', last_name: 'Checkout' } })
  expect(registered.status).toBe(201)
  return {
    email,
    name: 'Cleo Checkout',
    token: async () => (await api.call<{ access: string }>('/auth/token/', { method: 'POST', body: { email, password: PASSWORD } })).body.access,
  }
}

/** Signs the browser context in through the BFF (one request; the refresh cookie lands in the context). */
export async function signInBrowser(request: APIRequestContext, baseURL: string, shopper: Shopper): Promise<void> {
  const response = await request.post(`${baseURL}/api/auth/login`, {
    data: { email: shopper.email, password: PASSWORD },
    headers: { 'origin': baseURL, 'x-requested-with': 'storefront' },
  })
  expect(response.status()).toBe(200)
}

export interface SeedProduct {
  id: number
  slug: string
  title: string
  stock: number
}

/** Stock every seeded product gets, so a test never depends on what other tests bought. */
export const SEEDED_STOCK = 40

// The middle of the 10,000-product catalog, away from the first pages of listings that other tests read, cut into
// blocks of ids; each parallel slot (worker) owns its own share of the blocks, and a test takes the block its seed
// picks within that share. A block holds far more simple products than any test seeds.
const SEED_FIRST_ID = 3000
const SEED_BLOCKS = 100
const SEED_BLOCK_SIZE = 50

/** The first product id of the running test's block. */
function firstSeedId(): number {
  const info = test.info()
  const slots = Math.max(1, info.config.workers)
  const blocksPerSlot = Math.floor(SEED_BLOCKS / slots)
  const block = (info.parallelIndex % slots) * blocksPerSlot + (testSeed() % blocksPerSlot)
  return SEED_FIRST_ID + block * SEED_BLOCK_SIZE
}

/**
 * Products without variants, each with SEEDED_STOCK in stock (PATCH /__products/{id}/), from the running test's own
 * block of ids (see firstSeedId), and never twice within a test.
 */
export async function simpleProducts(api: Backend, count: number): Promise<SeedProduct[]> {
  return productsFrom(api, count, firstSeedId(), 'product id')
}

// Ids no test's seed picks (they are past every block) and no order ever takes: the products a test deletes come
// from here. Django PROTECTs a product an order line names (the demo answers 409), and any product of the blocks
// above may have been bought by another test whose seed picked the same block.
const DELETABLE_FIRST_ID = 9000

/**
 * Products without variants to delete at the backend (DELETE /__products/{id}/), each with SEEDED_STOCK in stock:
 * never ordered by anyone. One deleted before (404) is passed over, so tests that delete may share the ids.
 */
export async function deletableProducts(api: Backend, count: number): Promise<SeedProduct[]> {
  return productsFrom(api, count, DELETABLE_FIRST_ID, 'deletable id')
}

async function productsFrom(api: Backend, count: number, first: number, counter: string): Promise<SeedProduct[]> {
  const found: SeedProduct[] = []
  while (found.length < count) {
    // One id per look, in order, across all of the test's calls.
    const id = first + nextInTest(counter) - 1
    // Leaving the block would reach into another test's (or another worker's) products.
    expect(id, 'the test seeds more products than its block of ids holds').toBeLessThan(first + SEED_BLOCK_SIZE)
    const detail = await api.call<{ id: number, slug: string, title: string, variants: unknown[] }>(`/products/${id}/`)
    if (detail.status !== 200 || detail.body.variants.length > 0) continue
    expect((await api.call(`/__products/${id}/`, { method: 'PATCH', body: { stock: SEEDED_STOCK } })).status).toBe(200)
    found.push({ id, slug: detail.body.slug, title: detail.body.title, stock: SEEDED_STOCK })
  }
  return found
}

/** Sets a product's stock at the backend (the demo's control endpoint). */
export async function setStock(api: Backend, product: SeedProduct, stock: number): Promise<void> {
  expect((await api.call(`/__products/${product.id}/`, { method: 'PATCH', body: { stock } })).status).toBe(200)
}

export async function seedCart(api: Backend, shopper: Shopper, lines: Array<{ product: SeedProduct, quantity: number }>): Promise<void> {
  const token = await shopper.token()
  for (const { product, quantity } of lines) {
    const added = await api.call('/cart/items/', { method: 'POST', token, body: { product_id: product.id, quantity } })
    expect(added.status).toBe(201)
  }
}

export interface BackendOrder { id: number, number: string, total: string, items: Array<{ product_id: number, quantity: number }> }

/** Every order of the shopper, as the backend holds them (newest first). */
export async function ordersAtBackend(api: Backend, shopper: Shopper): Promise<BackendOrder[]> {
  const listed = await api.call<{ results: BackendOrder[] }>('/orders/?page_size=100', { token: await shopper.token() })
  return listed.body.results
}

export async function cartAtBackend(api: Backend, shopper: Shopper): Promise<{ items: Array<{ product_id: number, quantity: number, in_stock: boolean, available: number }> }> {
  return (await api.call<{ items: Array<{ product_id: number, quantity: number, in_stock: boolean, available: number }> }>('/cart/', { token: await shopper.token() })).body
}

export const ADDRESS = { fullName: 'Cleo Checkout', line1: '10 Downing Lane', city: 'Bristol', postalCode: 'BS1 4DJ', country: 'GB', phone: '+44 117 496 0000' }

export async function fillAddress(page: Page, address = ADDRESS): Promise<void> {
  await page.getByLabel('Full name').fill(address.fullName)
  await page.getByLabel('Street address').fill(address.line1)
  await page.getByLabel('Town or city').fill(address.city)
  await page.getByLabel('Postal code').fill(address.postalCode)
  await page.getByLabel('Country').selectOption(address.country)
  await page.getByLabel('Phone').fill(address.phone)
}

/** Opens the checkout (hydrated) on the address step with the cart loaded. */
export async function openCheckout(page: Page, path = '/checkout'): Promise<void> {
  await page.goto(path)
  await waitForHydration(page)
  await expect(page.getByRole('heading', { name: 'Order summary' })).toBeVisible()
}

/** From the address step to review: address, a shipping method, a test card. */
export async function reachReview(page: Page, card: RegExp = /^Visa/, shipping = 'Standard'): Promise<void> {
  await fillAddress(page)
  await page.getByRole('button', { name: 'Continue to shipping' }).click()
  await page.getByRole('radio', { name: new RegExp(`^${shipping}`) }).check()
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await page.getByRole('radio', { name: card }).check()
  await page.getByRole('button', { name: 'Continue to review' }).click()
  await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible()
}

export function placeOrderButton(page: Page) {
  return page.getByRole('button', { name: /Place order|Placing your order/ })
}

/** The order page this checkout ended on: its id from the URL, after the confirmation heading shows. */
export async function confirmedOrderId(page: Page): Promise<number> {
  await page.waitForURL(/\/orders\/\d+$/)
  // Focused, so a screen reader says it: the button that placed the order is gone.
  await expect(page.getByRole('heading', { name: 'Thank you! Your order is placed.' })).toBeFocused()
  return Number(new URL(page.url()).pathname.split('/').pop())
}

/** axe on the main content, WCAG 2.1 A/AA: no violations. */
export async function expectAxeClean(page: Page, where: string): Promise<void> {
  await animationsSettled(page)
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(result.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`), `axe on ${where}`).toEqual([])
}

/** A browser context signed in as a fresh shopper with `lines` in the cart. */
export async function shopperWithCart(context: BrowserContext, baseURL: string, api: Backend, label: string, quantities: number[] = [1]) {
  const shopper = await newShopper(api, label)
  const products = await simpleProducts(api, quantities.length)
  await seedCart(api, shopper, products.map((product, i) => ({ product, quantity: quantities[i]! })))
  await signInBrowser(context.request, baseURL, shopper)
  return { shopper, products }
}
