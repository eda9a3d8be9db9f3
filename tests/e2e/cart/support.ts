import { expect, type Page } from '@playwright/test'
import { waitForHydration } from '../support/hydration'
import { workerApiBase } from '../support/apiBase'
import { CART_PATH, productPath } from '../../../utils/routes/paths'

// Shared by the cart specs: products picked from the running demo backend (by what the test needs, not by id),
// accounts and carts seeded through the backend's API, faults and request counts from its /__faults/ and /__stats/.

const apiBase = workerApiBase

async function backend<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${apiBase()}${path}`, { ...init, headers: { 'content-type': 'application/json', ...init.headers } })
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}`)
  return (response.status === 204 ? undefined : await response.json()) as T
}

interface ProductDto { id: number, slug: string, title: string, in_stock: boolean, has_variants?: boolean, stock: number, variants: Array<{ id: number, in_stock: boolean, options: Record<string, string> }> }

/** A product with what a test needs: no variants and at least `minStock` in stock, or with an in-stock variant. */
export async function findProduct(want: { variants: boolean, minStock?: number, maxStock?: number, skip?: number[] }): Promise<ProductDto> {
  const page = await backend<{ results: Array<{ id: number, in_stock: boolean, has_variants?: boolean }> }>('/products/?page_size=100&in_stock=true')
  for (const summary of page.results) {
    if (summary.has_variants !== want.variants || want.skip?.includes(summary.id)) continue
    const detail = await backend<ProductDto>(`/products/${summary.id}/`)
    if (want.variants ? detail.variants.some(v => v.in_stock) : detail.stock >= (want.minStock ?? 1) && detail.stock <= (want.maxStock ?? Infinity)) return detail
  }
  throw new Error(`no product with ${JSON.stringify(want)}`)
}

/** Registers an account at the backend and puts `lines` in its cart through the API (not the behaviour under test). */
export async function accountWithCart(email: string, password: string, lines: Array<{ product_id: number, quantity: number }>): Promise<void> {
  await backend('/auth/register/', { method: 'POST', body: JSON.stringify({ email, password, first_name: 'Casey', last_name: 'Cart' }) })
  const { access } = await backend<{ access: string }>('/auth/token/', { method: 'POST', body: JSON.stringify({ email, password }) })
  for (const line of lines) await backend('/cart/items/', { method: 'POST', headers: { authorization: `Bearer ${access}` }, body: JSON.stringify(line) })
}

/** Adds to this browser's guest cart through the storefront's /api (the BFF sets the cart cookies). */
export async function addThroughApi(page: Page, line: { product_id: number, quantity: number, variant_id?: number }): Promise<void> {
  const status = await page.evaluate(async (body) => {
    const response = await fetch('/api/cart/items/', { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'storefront' }, body: JSON.stringify(body) })
    return response.status
  }, line)
  expect(status).toBe(201)
}

/** The storefront's view of the cart, as the browser would get it (quantities by product). */
export async function cartAtBackend(page: Page): Promise<{ items_count: number, items: Array<{ product_id: number, quantity: number }> }> {
  return page.evaluate(async () => (await fetch('/api/cart/')).json())
}

export async function addFault(fault: { path_pattern: string, method?: string, status?: number, latency_ms?: number, count?: number }): Promise<void> {
  await backend('/__faults/', { method: 'POST', body: JSON.stringify(fault) })
}

/** Clears faults and the request counts. */
export async function resetFaults(): Promise<void> {
  await fetch(`${apiBase()}/__faults/`, { method: 'DELETE' })
}

/** Requests per backend route ("PATCH /cart/items/{id}/") since the last reset. */
export async function backendRoutes(): Promise<Record<string, number>> {
  return (await backend<{ routes: Record<string, number> }>('/__stats/')).routes
}

/** The header's cart control once the cart has hydrated (it is a plain link before). */
export function cartButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^Cart/ })
}

/**
 * How long the header's cart control may take to become live: it hydrates when the browser is first idle, which Vue
 * waits for up to 10 s (hydrateOnIdle's default), and then loads its chunk. On a loaded CI machine 5 s was not always
 * enough (seen once: "element(s) not found" after a hydrated home page).
 */
export const CART_CONTROL_LIVE = { timeout: 15_000 }

/** Goes to `path`, waits for the app and for the header's cart control to be live. */
export async function gotoWithCart(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await waitForHydration(page)
  await expect(cartButton(page)).toBeVisible(CART_CONTROL_LIVE)
}

/** The header's cart control says `count` items (0: no count). */
export async function expectCartCount(page: Page, count: number): Promise<void> {
  const name = count ? `Cart, ${count} item${count === 1 ? '' : 's'}` : 'Cart'
  await expect(cartButton(page)).toHaveAccessibleName(name, CART_CONTROL_LIVE)
}

/**
 * A guest fills a cart from the product pages as a shopper does: two of `first` (the stepper, then "Add to cart"),
 * a full page load, one of `second`; the header counts each addition. The page is left once the first addition has
 * been answered: the count shows at once, and a page left before the request went out takes it along
 * (leave-before-sending.spec.ts); with the headless shell, the next page load came that soon.
 */
export async function addTwoProductsAsGuest(page: Page, first: { id: number, slug: string }, second: { id: number, slug: string }): Promise<void> {
  await gotoWithCart(page, productPath(first))
  await page.getByRole('button', { name: 'Increase quantity' }).click()
  const answered = page.waitForResponse(response => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/cart/items/')
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expectCartCount(page, 2)
  await answered
  await gotoWithCart(page, productPath(second))
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expectCartCount(page, 3)
}

/**
 * The cart page with one line of `product` whose price this browser remembers 1.00 lower than today's, so the line
 * says the price changed and offers "OK". Returns the line.
 */
export async function cartLineWithChangedPrice(page: Page, product: { id: number, title: string }) {
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product.id, quantity: 1 })
  await gotoWithCart(page, CART_PATH)
  const line = page.getByRole('listitem', { name: product.title })
  await expect(line).toBeVisible()
  await page.evaluate(({ id }) => {
    const key = 'sf-cart-seen-prices'
    const seen = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, { amount: number, currency: string }>
    const today = seen[`${id}:`]!
    localStorage.setItem(key, JSON.stringify({ ...seen, [`${id}:`]: { ...today, amount: today.amount + 100 } }))
  }, { id: product.id })
  await gotoWithCart(page, CART_PATH)
  return line
}
