import { expect, type Page } from '@playwright/test'
import { uniqueEmail } from '../auth/support'
import { workerApiBase } from '../support/apiBase'

// The backend is checked directly (not through the storefront): what the shopper's wishlist really holds.
const API = workerApiBase

export interface Shopper {
  email: string
  password: string
  name: string
  /** An access token for checking the backend directly. */
  access: string
}

async function backend<T>(path: string, init: { method?: string, token?: string, body?: unknown } = {}): Promise<{ status: number, body: T }> {
  const response = await fetch(`${API()}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
}

/** A new account at the backend, so each test has a wishlist of its own. */
export async function newShopper(label: string): Promise<Shopper> {
  const shopper = { email: uniqueEmail(label), password: 'a-long-password-9', name: 'Wren Wishlist' }
  const registered = await backend('/auth/register/', { method: 'POST', body: { email: shopper.email, password: shopper.password, first_name: 'Wren', last_name: 'Wishlist' } })
  expect(registered.status).toBe(201)
  const tokens = await backend<{ access: string }>('/auth/token/', { method: 'POST', body: { email: shopper.email, password: shopper.password } })
  return { ...shopper, access: tokens.body.access }
}

/** The product ids in the shopper's wishlist at the backend, newest first. */
export async function backendWishlist(shopper: Shopper): Promise<number[]> {
  const page = await backend<{ results: Array<{ product: { id: number } }> }>('/wishlist/?page_size=100', { token: shopper.access })
  expect(page.status).toBe(200)
  return page.body.results.map(entry => entry.product.id)
}

/** The lines of the shopper's cart at the backend. */
export async function backendCart(shopper: Shopper): Promise<Array<{ product_id: number, variant_id: number | null, quantity: number }>> {
  const cart = await backend<{ items: Array<{ product_id: number, variant_id: number | null, quantity: number }> }>('/cart/', { token: shopper.access })
  expect(cart.status).toBe(200)
  return cart.body.items
}

export async function addAtBackend(shopper: Shopper, productId: number): Promise<void> {
  const added = await backend('/wishlist/', { method: 'POST', token: shopper.access, body: { product_id: productId } })
  expect([200, 201]).toContain(added.status)
}

/** Fault injection on the demo backend (docs/demo-backend.md). */
export async function injectFault(rule: Record<string, unknown>): Promise<void> {
  expect((await backend('/__faults/', { method: 'POST', body: rule })).status).toBe(201)
}

export async function clearFaults(): Promise<void> {
  await backend('/__faults/', { method: 'DELETE' })
}

/** Signs in through the sign-in page the way a shopper does. */
export async function signInOnPage(page: Page, shopper: Shopper): Promise<void> {
  await page.getByLabel('Email').fill(shopper.email)
  await page.getByLabel('Password', { exact: true }).fill(shopper.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

/** Every request the page makes to the wishlist API, as "METHOD /api/wishlist/...". */
export function trackWishlistRequests(page: Page): string[] {
  const seen: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/api/wishlist')) seen.push(`${request.method()} ${url.pathname}`)
  })
  return seen
}

/** The heart of a product by its accessible name, which is the same pressed or not. */
export function heart(page: Page, title: string) {
  return page.getByRole('button', { name: `Add ${title} to wishlist`, exact: true })
}

/**
 * Counts, inside the page, the wishlist changes (POST/DELETE) its fetch sends and the most under way at once.
 * Measured where the requests start and end (fetch resolves on the answer's headers, before the app reads it), so
 * the count cannot be skewed by when the browser reports network events. Call before the page loads.
 */
export async function countWishlistChanges(page: Page): Promise<() => Promise<{ sent: number, inFlight: number, most: number }>> {
  await page.addInitScript(() => {
    const counts = { sent: 0, inFlight: 0, most: 0 }
    Object.assign(window, { __wishlistChanges: counts })
    const original = window.fetch.bind(window)
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input)
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()
      if (method === 'GET' || !new URL(url, location.href).pathname.startsWith('/api/wishlist/')) return original(input, init)
      counts.sent++
      counts.most = Math.max(counts.most, ++counts.inFlight)
      try {
        return await original(input, init)
      }
      finally {
        counts.inFlight--
      }
    }
  })
  return () => page.evaluate(() => ({ ...(window as unknown as { __wishlistChanges: { sent: number, inFlight: number, most: number } }).__wishlistChanges }))
}
