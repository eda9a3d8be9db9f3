import { describe, expect, it } from 'vitest'
import { useBuiltStack } from '../server/support/builtStack'
import { Browser } from './support/cartBff'

// The production build: a guest with a cart still gets the shared cached pages, and those pages carry nothing of
// any cart (no token, no lines, no Set-Cookie). Needs `npm run build`.

// Browsers ask again on every load (a guest page kept by the browser was shown after signing in); CDNs keep it.
const SHARED = 'public, max-age=0, must-revalidate'
const SHARED_CDN = 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400'

const stack = useBuiltStack({ seedProducts: 60 })

async function guestWithCart(): Promise<{ browser: Browser, token: string, title: string }> {
  const browser = new Browser(stack.web.url)
  const product = stack.api.backend.db.products.find(p => !p.variants && p.stock > 3)!
  const { response, setCookies } = await browser.post('/api/cart/items/', { product_id: product.id, quantity: 2 })
  expect(response.status).toBe(201)
  // The production server marks both cookies Secure (Node's fetch does not enforce it; browsers do).
  expect(setCookies.map(c => [c.name, c.attributes.secure, c.attributes.httponly])).toEqual([['sf_cart_token', true, true], ['sf_cart', true, undefined]])
  return { browser, token: browser.cookies.get('sf_cart_token')!, title: product.title }
}

function pageFor(browser: Browser | null, path: string): Promise<Response> {
  const cookie = browser ? [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ') : ''
  return fetch(stack.web.url + path, { headers: cookie ? { cookie } : {} })
}

describe('a guest with a cart and the shared page cache', () => {
  it('serves them the shared cached page: a HIT, no Set-Cookie, nothing of their cart in it', async () => {
    const { browser, token, title } = await guestWithCart()
    const anonymous = await pageFor(null, '/products?sort=title')
    const anonymousHtml = await anonymous.text()

    const page = await pageFor(browser, '/products?sort=title')
    expect(page.status).toBe(200)
    expect(page.headers.get('x-cache')).toBe('HIT')
    expect(page.headers.get('cache-control')).toBe(SHARED)
    expect(page.headers.get('cdn-cache-control')).toBe(SHARED_CDN)
    expect(page.headers.get('set-cookie')).toBeNull()
    const html = await page.text()
    expect(html).toBe(anonymousHtml)
    expect(html).not.toContain(token)
    expect(html).not.toContain('items_count')
    // The page lists products by title; what matters is that it is the same page everyone gets.
    expect(html.includes(title)).toBe(anonymousHtml.includes(title))
  })

  it('renders a page first requested by a guest with a cart as an anonymous page, and stores that one', async () => {
    const { browser, token } = await guestWithCart()
    const first = await pageFor(browser, '/products?sort=price-desc')
    expect(first.headers.get('x-cache')).toBe('MISS')
    expect(first.headers.get('set-cookie')).toBeNull()
    const html = await first.text()
    expect(html).not.toContain(token)

    const later = await pageFor(null, '/products?sort=price-desc')
    expect(later.headers.get('x-cache')).toBe('HIT')
    expect(await later.text()).toBe(html)
  })

  it('answers cart calls private and uncacheable, with no token in them', async () => {
    const { browser, token } = await guestWithCart()
    const cart = await browser.get('/api/cart/')
    expect(cart.response.headers.get('cache-control')).toBe('private, no-store')
    expect(cart.response.headers.get('x-cart-token')).toBeNull()
    expect(JSON.stringify(cart.body)).not.toContain(token)
    expect(cart.body).toMatchObject({ items_count: 2 })
  })
})
