import { randomUUID } from 'node:crypto'

/** A delivery address the demo accepts (DRF field names, as the checkout sends them). */
export const DELIVERY_ADDRESS = { full_name: 'Grace Hopper', line1: '1 Harvard Yard', line2: '', city: 'Cambridge', postal_code: '02138', country: 'US', phone: '' }

const BFF_AUTH_ROUTE = /^\/api\/auth\/(?:login|register|refresh|logout|logout-all|session)(?:[/?]|$)/

/** A response as a test reads it. */
export interface Answer {
  status: number
  headers: Headers
  text: string
  ms: number
}

/**
 * A browser's cookies and the storefront's way of calling its BFF (CSRF header, same origin). One per shopper:
 * a signed-in shopper holds sf_refresh (and an access token), a guest with a cart sf_cart_token and sf_cart.
 */
export class Shopper {
  readonly cookies = new Map<string, string>()
  access: string | null = null

  constructor(readonly origin: string, readonly label: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  private keep(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const expired = attributes.some(a => /^\s*max-age=0\s*$/i.test(a)) || value === ''
      if (expired) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  /** A request as this shopper's browser would send it (cookies; for unsafe methods the BFF's CSRF proof). */
  async send(path: string, init: { method?: string, body?: unknown, headers?: Record<string, string>, accept?: string } = {}): Promise<Answer> {
    const method = init.method ?? 'GET'
    const headers: Record<string, string> = { accept: init.accept ?? 'text/html', ...init.headers }
    const cookie = this.cookieHeader()
    if (cookie) headers.cookie = cookie
    if (method !== 'GET' && method !== 'HEAD') Object.assign(headers, { 'origin': this.origin, 'x-requested-with': 'storefront' })
    // The access token goes with API calls, as the api core sends it; the BFF's own auth routes read the cookie.
    if (this.access && path.startsWith('/api/') && !BFF_AUTH_ROUTE.test(path)) headers.authorization = `Bearer ${this.access}`
    if (init.body !== undefined) headers['content-type'] = 'application/json'
    const started = performance.now()
    const response = await fetch(this.origin + path, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), redirect: 'manual' })
    const text = await response.text()
    this.keep(response.headers)
    return { status: response.status, headers: response.headers, text, ms: performance.now() - started }
  }

  async json<T>(path: string, init: Parameters<Shopper['send']>[1] = {}): Promise<{ status: number, body: T }> {
    const answer = await this.send(path, { ...init, accept: 'application/json' })
    let body: unknown
    try {
      body = answer.text ? JSON.parse(answer.text) : undefined
    }
    catch {
      // An HTML error page from a proxy: the caller looks at the status.
      body = { unreadable: answer.text.slice(0, 200) }
    }
    return { status: answer.status, body: body as T }
  }

  /** Registers through the BFF: signed in afterwards (cookie and access token), as the register form leaves it. */
  async register(firstName: string, lastName = 'Chaos'): Promise<{ email: string, name: string }> {
    const email = `${this.label.toLowerCase().replace(/[^a-z0-9]/g, '') || 'shopper'}-${randomUUID().slice(0, 8)}@example.com`
    const { status, body } = await this.json<{ access: string }>('/api/auth/register', {
      method: 'POST', body: { email, password: 'a-long-password-9', first_name: firstName, last_name: lastName },
    })
    if (status !== 201) throw new Error(`register ${this.label}: ${status} ${JSON.stringify(body)}`)
    this.access = body.access
    return { email, name: `${firstName} ${lastName}` }
  }

  /** Adds one of a product without variants; the cart's lines as the backend answered. */
  async addToCart(productId: number): Promise<Array<{ id: number, product_id: number }>> {
    const { status, body } = await this.json<{ items: Array<{ id: number, product_id: number }> }>('/api/cart/items/', { method: 'POST', body: { product_id: productId, quantity: 1 } })
    if (status >= 300) throw new Error(`add to cart ${this.label}: ${status} ${JSON.stringify(body)}`)
    return body.items
  }

  /**
   * Places an order for this signed-in shopper's cart as the checkout does (its own Idempotency-Key, a test card);
   * the answer as it came, so a refused address can be told from a placed order.
   */
  async placeOrder(address: Partial<typeof DELIVERY_ADDRESS> = {}): Promise<{ status: number, body: { id?: number } }> {
    const methods = await this.json<Array<{ id: number }>>('/api/shipping-methods/')
    return this.json('/api/orders/', {
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: { shipping_address: { ...DELIVERY_ADDRESS, ...address }, shipping_method_id: methods.body[0]!.id, payment_token: 'tok_visa' },
    })
  }

  /** Puts a product in the cart and orders it: the new order's id. */
  async orderOne(productId: number, address: Partial<typeof DELIVERY_ADDRESS> = {}): Promise<number> {
    await this.addToCart(productId)
    const { status, body } = await this.placeOrder(address)
    if (status !== 201 || !body.id) throw new Error(`order ${this.label}: ${status} ${JSON.stringify(body)}`)
    return body.id
  }
}
