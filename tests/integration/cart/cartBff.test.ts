import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { Browser, startCartBff, type CartTestBff } from './support/cartBff'

// The cart through the BFF: the guest token lives in an httpOnly cookie the browser cannot read, travels to the
// backend as X-Cart-Token, merges into the user's cart at sign-in (and later, if the backend failed then), and
// every cart cookie goes at sign-out.

interface CartBody {
  token?: string
  items: Array<{ product_id: number, variant_id: number | null, quantity: number }>
  items_count: number
  merge_pending?: boolean
}

let api: RunningDemoApi
let bff: CartTestBff
let plain: number[]
let withVariant: { product: number, variant: number }

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: 60, faults: true })
  const products = api.backend.db.products
  plain = products.filter(p => !p.variants && p.stock >= 10).slice(0, 3).map(p => p.id)
  const varied = products.find(p => p.variants?.some(v => v.stock >= 5))!
  withVariant = { product: varied.id, variant: varied.variants!.find(v => v.stock >= 5)!.id }
  bff = await startCartBff(api.url)
})
afterAll(async () => {
  await bff?.close()
  await api?.close()
})
afterEach(async () => {
  await fetch(`${api.url}/__faults/`, { method: 'DELETE' })
})

async function fault(pathPattern: string, status: number, count: number): Promise<void> {
  const response = await fetch(`${api.url}/__faults/`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path_pattern: pathPattern, method: 'POST', status, count }),
  })
  expect(response.status).toBe(201)
}

let registered = 0
async function newAccount(browser: Browser): Promise<{ email: string, password: string }> {
  const account = { email: `cart-${Date.now()}-${registered++}@example.com`, password: 'a-long-password-9' }
  const { response, body } = await browser.post('/api/auth/register', { ...account, first_name: 'Cart', last_name: 'Shopper' })
  expect(response.status).toBe(201)
  browser.access = (body as { access: string }).access
  return account
}

function add(browser: Browser, productId: number, quantity = 1, variantId?: number) {
  return browser.post('/api/cart/items/', { product_id: productId, quantity, ...(variantId ? { variant_id: variantId } : {}) })
}

function quantities(cart: CartBody): Record<string, number> {
  return Object.fromEntries(cart.items.map(item => [`${item.product_id}/${item.variant_id ?? '-'}`, item.quantity]))
}

/** The guest cart token, read from behind the API (the test's view of the backend, not the browser's). */
function guestTokenIn(browser: Browser): string {
  const token = browser.cookies.get('sf_cart_token')
  expect(token).toBeDefined()
  expect(api.backend.db.carts.get(token!)?.userId).toBeNull()
  return token!
}

function expectTokenNeverSeen(browser: Browser, token: string): void {
  for (const seen of browser.seen) {
    expect(seen.body, seen.url).not.toContain(token)
    for (const [name, value] of seen.headers) {
      if (name === 'set-cookie' && value.startsWith('sf_cart_token=')) continue
      expect(`${name}: ${value}`, seen.url).not.toContain(token)
    }
  }
}

describe('the guest cart token', () => {
  it('lives in an httpOnly, SameSite=Lax cookie beside a script-readable marker, and never in a body or header', async () => {
    const browser = new Browser(bff.origin)
    const { response, body, setCookies } = await add(browser, plain[0]!, 2)
    expect(response.status).toBe(201)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('x-cart-token')).toBeNull()
    expect(body).not.toHaveProperty('token')
    expect(body).toMatchObject({ items_count: 2 })

    const token = setCookies.find(c => c.name === 'sf_cart_token')!
    expect(token.attributes).toMatchObject({ httponly: true, samesite: 'Lax', path: '/', 'max-age': String(30 * 24 * 3600) })
    expect(token.attributes.secure).toBeUndefined()
    const marker = setCookies.find(c => c.name === 'sf_cart')!
    expect(marker.value).toBe('1')
    expect(marker.attributes).toMatchObject({ samesite: 'Lax', path: '/' })
    expect(marker.attributes.httponly).toBeUndefined()

    // Reading the cart again finds the same cart; the browser only ever saw the token in its Set-Cookie.
    const again = await browser.get('/api/cart/')
    expect(quantities(again.body as CartBody)).toEqual({ [`${plain[0]}/-`]: 2 })
    expectTokenNeverSeen(browser, guestTokenIn(browser))
  })

  it('is Secure in production', async () => {
    const secureBff = await startCartBff(api.url, { secure: true })
    try {
      const { setCookies } = await add(new Browser(secureBff.origin), plain[0]!)
      expect(setCookies.map(c => [c.name, c.attributes.secure])).toEqual([['sf_cart_token', true], ['sf_cart', true]])
    }
    finally {
      await secureBff.close()
    }
  })

  it('costs a shopper who only looks at an empty cart no cookie at all', async () => {
    const { response, setCookies, body } = await new Browser(bff.origin).get('/api/cart/')
    expect(response.status).toBe(200)
    expect(setCookies).toEqual([])
    expect(body).toMatchObject({ items: [], items_count: 0 })
    expect(body).not.toHaveProperty('token')
  })

  it('ignores an X-Cart-Token sent by the browser: a stolen token opens nobody\'s cart', async () => {
    const victim = new Browser(bff.origin)
    await add(victim, plain[0]!, 3)
    const stolen = guestTokenIn(victim)

    const thief = new Browser(bff.origin)
    const asStranger = await thief.call('GET', '/api/cart/', undefined, { 'x-cart-token': stolen })
    expect((asStranger.body as CartBody).items).toEqual([])
    await add(thief, plain[1]!)
    const withOwnCookie = await thief.call('GET', '/api/cart/', undefined, { 'x-cart-token': stolen })
    expect(quantities(withOwnCookie.body as CartBody)).toEqual({ [`${plain[1]}/-`]: 1 })
    expect(quantities((await victim.get('/api/cart/')).body as CartBody)).toEqual({ [`${plain[0]}/-`]: 3 })
  })

  it('refuses a cart change that is not from our own pages, and keeps /cart/merge/ for the BFF', async () => {
    const browser = new Browser(bff.origin)
    await add(browser, plain[0]!)
    const forged = await browser.post('/api/cart/items/', { product_id: plain[1] }, { 'origin': 'https://evil.example', 'x-requested-with': '' })
    expect(forged.response.status).toBe(403)
    expect(forged.body).toMatchObject({ code: 'csrf_failed' })
    expect((await browser.get('/api/cart/')).body).toMatchObject({ items_count: 1 })
    expect((await browser.post('/api/cart/merge/', { token: 'anything' })).response.status).toBe(404)
  })

  it('clears the marker when the last line goes, and keeps the (empty) cart\'s cookie', async () => {
    const browser = new Browser(bff.origin)
    const { body } = await add(browser, plain[0]!)
    const lineId = (body as { items: Array<{ id: number }> }).items[0]!.id
    const removed = await browser.call('DELETE', `/api/cart/items/${lineId}/`)
    expect(removed.response.status).toBe(200)
    expect(removed.setCookies.map(c => [c.name, c.value])).toEqual([['sf_cart', '']])
    expect(browser.cookies.has('sf_cart')).toBe(false)
    expect(browser.cookies.has('sf_cart_token')).toBe(true)
  })
})

describe('sign-in merges the guest cart', () => {
  it('adds the guest lines to the account\'s cart at login, summing quantities, and drops the guest cookie', async () => {
    const owner = new Browser(bff.origin)
    const account = await newAccount(owner)
    await add(owner, plain[0]!, 1)
    expect(owner.cookies.has('sf_cart_token'), 'a signed-in cart call never captures a token').toBe(false)

    const guest = new Browser(bff.origin)
    await add(guest, plain[0]!, 2)
    await add(guest, withVariant.product, 1, withVariant.variant)
    const guestToken = guestTokenIn(guest)

    const { response, body, setCookies } = await guest.signIn(account)
    expect(response.status).toBe(200)
    expect(body).toMatchObject({ cart_merge: 'merged' })
    expect(setCookies.find(c => c.name === 'sf_cart_token')?.value).toBe('')
    expect(guest.cookies.get('sf_cart')).toBe('1')
    expect(api.backend.db.carts.has(guestToken)).toBe(false)

    const cart = (await guest.get('/api/cart/')).body as CartBody
    expect(quantities(cart)).toEqual({ [`${plain[0]}/-`]: 3, [`${withVariant.product}/${withVariant.variant}`]: 1 })
    expect(cart.items_count).toBe(4)
    expect(cart).not.toHaveProperty('token')
    expect(guest.cookies.has('sf_cart_token')).toBe(false)
    expectTokenNeverSeen(guest, guestToken)
  })

  it('makes the guest cart the new account\'s cart at registration', async () => {
    const browser = new Browser(bff.origin)
    await add(browser, plain[1]!, 2)
    const guestToken = guestTokenIn(browser)
    const { response, body } = await browser.post('/api/auth/register', {
      email: `cart-register-${Date.now()}@example.com`, password: 'a-long-password-9', first_name: 'New', last_name: 'Shopper',
    })
    expect(response.status).toBe(201)
    expect(body).toMatchObject({ cart_merge: 'merged' })
    browser.access = (body as { access: string }).access
    expect(browser.cookies.has('sf_cart_token')).toBe(false)
    expect(quantities((await browser.get('/api/cart/')).body as CartBody)).toEqual({ [`${plain[1]}/-`]: 2 })
    expectTokenNeverSeen(browser, guestToken)
  })

  it('answers a sign-in without a guest cart as before, with no cart cookie touched', async () => {
    const browser = new Browser(bff.origin)
    const account = await newAccount(browser)
    await browser.signOut()
    const { body, setCookies } = await browser.signIn(account)
    expect(Object.keys(body as object).sort()).toEqual(['access', 'user'])
    expect(setCookies.map(c => c.name)).toEqual(['sf_refresh'])
  })

  it('keeps the guest cart when the merge fails at sign-in, and merges it on the next cart read', async () => {
    const browser = new Browser(bff.origin)
    const account = await newAccount(browser)
    await add(browser, plain[2]!, 1)
    await browser.signOut()

    await add(browser, plain[2]!, 2)
    await add(browser, plain[0]!, 1)
    const guestToken = guestTokenIn(browser)
    // The merge fails at sign-in and once more on the first cart read; the second read gets through.
    await fault('/cart/merge/', 503, 2)

    const signIn = await browser.signIn(account)
    expect(signIn.response.status).toBe(200)
    expect(signIn.body).toMatchObject({ cart_merge: 'pending', user: { email: account.email } })
    expect(browser.cookies.get('sf_cart_token')).toBe(guestToken)
    expect(api.backend.db.carts.get(guestToken)?.lines.length).toBe(2)

    const stillPending = await browser.get('/api/cart/')
    expect(stillPending.response.status).toBe(200)
    expect(stillPending.body).toMatchObject({ merge_pending: true, items_count: 1 })
    expect(browser.cookies.get('sf_cart_token')).toBe(guestToken)

    const merged = await browser.get('/api/cart/')
    expect(merged.body).not.toHaveProperty('merge_pending')
    expect(quantities(merged.body as CartBody)).toEqual({ [`${plain[2]}/-`]: 3, [`${plain[0]}/-`]: 1 })
    expect(browser.cookies.has('sf_cart_token')).toBe(false)
    expect(api.backend.db.carts.has(guestToken)).toBe(false)
    expectTokenNeverSeen(browser, guestToken)
  })

  it('merges on the re-login path: sign out, add as a guest, sign in again', async () => {
    const browser = new Browser(bff.origin)
    const account = await newAccount(browser)
    await add(browser, plain[0]!, 1)
    await browser.signOut()
    await add(browser, plain[0]!, 1)
    await browser.signIn(account)
    await browser.signOut()
    await add(browser, plain[1]!, 1)
    const { body } = await browser.signIn(account)
    expect(body).toMatchObject({ cart_merge: 'merged' })
    expect(quantities((await browser.get('/api/cart/')).body as CartBody)).toEqual({ [`${plain[0]}/-`]: 2, [`${plain[1]}/-`]: 1 })
  })
})

describe('sign-out', () => {
  it.each(['/api/auth/logout', '/api/auth/logout-all'])('%s clears every cart cookie, so the next person starts empty', async (path) => {
    const browser = new Browser(bff.origin)
    await newAccount(browser)
    await add(browser, plain[0]!, 2)
    expect(browser.cookies.get('sf_cart')).toBe('1')
    // A guest cart that has not merged yet must go too.
    browser.cookies.set('sf_cart_token', 'a-guest-token-from-before-1234')

    const { response, setCookies } = await browser.signOut(path)
    expect(response.status).toBe(204)
    const cleared = setCookies.filter(c => c.value === '' && c.attributes['max-age'] === '0').map(c => c.name).sort()
    expect(cleared).toEqual(['sf_cart', 'sf_cart_token', 'sf_refresh'])
    expect([...browser.cookies.keys()]).toEqual([])

    const next = await browser.get('/api/cart/')
    expect(next.body).toMatchObject({ items: [], items_count: 0 })
  })
})
