import { describe, expect, it } from 'vitest'
import { Browser } from '../cart/support/cartBff'
import { useBuiltStack } from '../server/support/builtStack'
import { ADDRESS } from './support/shopper'

// The production build: checkout and order pages are personal. Private and uncacheable for the browser and any
// shared cache, never in the storefront's own page cache, kept from search engines, 404 for someone else's
// order; a guest is sent to sign in with the way back. Needs `npm run build`.

const PRIVATE = 'private, no-store'

const stack = useBuiltStack({ seedProducts: 60 })

let n = 0
/** A signed-in browser (refresh cookie) with one order placed at the backend. */
async function shopperWithOrder(): Promise<{ browser: Browser, orderId: number, orderNumber: string }> {
  const email = `pages-${Date.now()}-${++n}@example.com`
  const browser = new Browser(stack.web.url)
  const registered = await browser.post('/api/auth/register', { email, password: 'a-long-password-1', first_name: 'Page', last_name: 'Tester' })
  expect(registered.response.status).toBe(201)
  browser.access = (registered.body as { access: string }).access
  const product = stack.api.backend.db.products.find(p => !p.variants && p.stock > 5)!
  expect((await browser.post('/api/cart/items/', { product_id: product.id, quantity: 1 })).response.status).toBe(201)
  const body = { shipping_address: { full_name: ADDRESS.fullName, line1: ADDRESS.line1, city: ADDRESS.city, postal_code: ADDRESS.postalCode, country: ADDRESS.country }, shipping_method_id: 1, payment_token: 'tok_visa' }
  const placed = await browser.post('/api/orders/', body, { 'idempotency-key': `pages-${n}` })
  expect(placed.response.status).toBe(201)
  const order = placed.body as { id: number, number: string }
  return { browser, orderId: order.id, orderNumber: order.number }
}

function page(browser: Browser | null, path: string): Promise<Response> {
  const cookie = browser ? [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ') : ''
  return fetch(stack.web.url + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' })
}

const robotsMeta = (html: string) => /<meta name="robots" content="([^"]+)"/.exec(html)?.[1]

describe('checkout and order pages on the built server', () => {
  it('render for the signed-in shopper as private, uncached, noindex pages', async () => {
    const { browser, orderId, orderNumber } = await shopperWithOrder()
    for (const path of ['/checkout', '/orders', `/orders/${orderId}`]) {
      const response = await page(browser, path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('cache-control'), path).toBe(PRIVATE)
      expect(response.headers.get('x-cache'), path).toBe('BYPASS')
      const html = await response.text()
      expect(robotsMeta(html), path).toBe('noindex, follow')
      if (path !== '/checkout') expect(html, path).toContain(orderNumber)
    }
  })

  it('answers 404, private and noindex, for another shopper\'s order and for an unknown one', async () => {
    const owner = await shopperWithOrder()
    const stranger = await shopperWithOrder()
    for (const path of [`/orders/${owner.orderId}`, '/orders/99999999', '/orders/not-a-number']) {
      const response = await page(stranger.browser, path)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('cache-control'), path).toBe(PRIVATE)
      const html = await response.text()
      expect(html, path).toContain('Order not found')
      expect(html, path).not.toContain(owner.orderNumber)
      expect(robotsMeta(html), path).toBe('noindex, follow')
    }
  })

  it('sends a guest to sign in with the way back, and never serves anyone a page rendered for a shopper', async () => {
    const { orderId, orderNumber } = await shopperWithOrder()
    for (const path of ['/checkout?step=review', '/orders', `/orders/${orderId}`]) {
      const response = await page(null, path)
      expect(response.status, path).toBe(302)
      const location = new URL(response.headers.get('location') ?? '', 'http://shop.test')
      expect([location.pathname, location.searchParams.get('redirect')], path).toEqual(['/auth/login', path])
      expect(response.headers.get('cache-control'), path).toBe(PRIVATE)
      expect(await response.text(), path).not.toContain(orderNumber)
    }
  })

  it('keeps crawlers out of them in robots.txt', async () => {
    const robots = await (await fetch(`${stack.web.url}/robots.txt`)).text()
    expect(robots).toMatch(/^Disallow: \/checkout$/m)
    expect(robots).toMatch(/^Disallow: \/orders$/m)
  })
})
