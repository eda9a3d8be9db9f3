import { randomUUID } from 'node:crypto'
import { productPath } from '../../../utils/routes/paths'
import type { Catalog } from './pageKinds'

/** What the placements need besides the catalog: a cursor the backend made, and a line in the guest's cart. */
export type InputContext = Catalog & { cursor: string, cartLineId: number }

/** One request a shopper (or a crawler, or an attacker) can make with a value of their choosing in it. */
export interface InputRequest {
  path: string
  method?: string
  body?: Record<string, unknown>
  headers?: Record<string, string>
  /** Sent signed in (the profile form). */
  signedIn?: boolean
}

/**
 * A request carrying a value in one or more of the places the storefront reads input from. Inputs that share a
 * parser and a page go in one request (the listing's filters, the forms' fields): each still gets every value, with
 * a fraction of the renders.
 */
export interface InputPlacement {
  /** The inputs this request puts the value in. */
  inputs: readonly string[]
  request: (value: string, context: InputContext) => InputRequest
}

const q = encodeURIComponent
/** The value as a JSON number where it reads as one (NaN and Infinity go out as null, as JSON.stringify sends them). */
const asNumber = (v: string): unknown => (v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)

// Four products a page: the inputs are in the query, not in the grid, and a render costs a third of a full page.
const SMALL = 'page_size=4'

export const INPUT_PLACEMENTS: readonly InputPlacement[] = [
  { inputs: ['search q', 'category filter (search)'], request: v => ({ path: `/search?q=${q(v)}&category=${q(v)}&${SMALL}` }) },
  {
    inputs: ['listing q', 'brand filter', 'category filter', 'sort', 'min_price', 'max_price', 'rating', 'in_stock', 'tracking parameter'],
    request: v => ({ path: `/products?q=${q(v)}&brand=${q(v)}&category=${q(v)}&sort=${q(v)}&min_price=${q(v)}&max_price=${q(v)}&rating=${q(v)}&in_stock=${q(v)}&utm_source=${q(v)}&${SMALL}` }),
  },
  { inputs: ['repeated brand filter'], request: v => ({ path: `/products?brand=${q(v)}&brand=${q(v)},${q(v)}&${SMALL}` }) },
  { inputs: ['page_size'], request: v => ({ path: `/products?page_size=${q(v)}&q=zzz-no-match` }) },
  { inputs: ['cursor'], request: v => ({ path: `/products?cursor=${q(v)}&${SMALL}` }) },
  { inputs: ['from'], request: (v, c) => ({ path: `/products?cursor=${q(c.cursor)}&from=${q(v)}&${SMALL}` }) },
  { inputs: ['category slug in the path'], request: v => ({ path: `/categories/${q(v)}?${SMALL}` }) },
  { inputs: ['product segment in the path'], request: v => ({ path: `/products/${q(v)}` }) },
  { inputs: ['product slug in the path'], request: (v, c) => ({ path: `${productPath({ id: c.product.id, slug: '' })}-${q(v)}` }) },
  { inputs: ['sign-in redirect'], request: v => ({ path: `/auth/login?redirect=${q(v)}` }) },
  { inputs: ['register redirect'], request: v => ({ path: `/auth/register?redirect=${q(v)}` }) },
  { inputs: ['search suggestions (API)'], request: v => ({ path: `/api/products/suggest/?q=${q(v)}` }) },
  { inputs: ['sign-in email', 'sign-in password'], request: v => ({ path: '/api/auth/login', method: 'POST', body: { email: v, password: v } }) },
  {
    inputs: ['register email', 'register password', 'register first name', 'register last name'],
    request: v => ({ path: '/api/auth/register', method: 'POST', body: { email: v, password: v, first_name: v, last_name: v } }),
  },
  {
    inputs: ['profile first name', 'profile last name'],
    request: v => ({ path: '/api/auth/me/', method: 'PATCH', body: { first_name: v.slice(0, 150) || 'x', last_name: v.slice(0, 150) || 'x' }, signedIn: true }),
  },
  // Commerce: what the cart, wishlist and checkout send (through the /api proxy and the cart BFF) and the pages that
  // read a value from the URL. A guest's cart and a signed-in shopper's wishlist and orders.
  { inputs: ['cart quantity (text)'], request: (v, c) => ({ path: '/api/cart/items/', method: 'POST', body: { product_id: c.plainProductId, quantity: v } }) },
  { inputs: ['cart product id'], request: v => ({ path: '/api/cart/items/', method: 'POST', body: { product_id: asNumber(v), quantity: 1 } }) },
  { inputs: ['cart line quantity (number)'], request: (v, c) => ({ path: `/api/cart/items/${c.cartLineId}/`, method: 'PATCH', body: { quantity: asNumber(v) } }) },
  { inputs: ['cart line id in the path'], request: v => ({ path: `/api/cart/items/${q(v)}/`, method: 'DELETE' }) },
  { inputs: ['wishlist product id'], request: v => ({ path: '/api/wishlist/', method: 'POST', body: { product_id: asNumber(v) }, signedIn: true }) },
  { inputs: ['order id in the page path'], request: v => ({ path: `/orders/${q(v)}`, signedIn: true }) },
  { inputs: ['order id (API)'], request: v => ({ path: `/api/orders/${q(v)}/`, signedIn: true }) },
  { inputs: ['checkout step'], request: v => ({ path: `/checkout?step=${q(v)}`, signedIn: true }) },
  {
    inputs: ['delivery address fields', 'shipping method', 'payment token'],
    request: v => ({
      path: '/api/orders/',
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: { shipping_address: { full_name: v, line1: v, line2: v, city: v, postal_code: v, country: v, phone: v }, shipping_method_id: asNumber(v), payment_token: v },
      signedIn: true,
    }),
  },
]

/** Every input name, once. */
export const SHOPPER_INPUT_NAMES: readonly string[] = INPUT_PLACEMENTS.flatMap(placement => placement.inputs)
