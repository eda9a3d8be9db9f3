import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { categoryPath, productPath } from '~/utils/routes/paths'
import { startCluster, type Cluster } from './support/cluster'
import { quantities, Shopper } from './support/shopper'
import { restartUnderLoad } from './support/restartUnderLoad'

// Issue 22: the storefront as several instances on one Redis behind nginx, on loopback: three built servers
// (`node .output/server/index.mjs`), Debian's redis-server and nginx (with deploy/nginx/storefront.conf, the file
// compose.yaml uses), the demo backend in this process. Needs `npm run build` first; `npm run test:cluster`.

let cluster: Cluster
let a: string
let b: string
let c: string
let lb: string
/** Products without variants and with ample stock (set below), for carts and orders. */
let stocked: number[]
let runId: string

function email(what: string): string {
  return `${what}-${runId}@cluster.test`
}

beforeAll(async () => {
  cluster = await startCluster()
  ;[a, b, c] = cluster.instances.map(instance => instance.url) as [string, string, string]
  lb = cluster.lb.url
  runId = Date.now().toString(36)
  const plain = cluster.api.backend.db.products.filter(product => !product.variants)
  stocked = plain.slice(0, 12).map((product) => {
    product.stock = 1_000_000
    return product.id
  })
})

afterAll(async () => {
  await cluster?.stop()
})

describe('three instances behind nginx on one Redis', () => {
  it('serves a page rendered on one instance from the cache on the others, without asking the backend again', async () => {
    const product = cluster.api.backend.db.products[3]!
    const path = productPath(product)
    const rendered = await fetch(a + path)
    expect(rendered.status).toBe(200)
    expect(rendered.headers.get('x-cache')).toBe('MISS')
    const html = await rendered.text()
    await cluster.takeStats()

    for (const other of [b, c, lb]) {
      const served = await fetch(other + path)
      expect(served.headers.get('x-cache'), other).toBe('HIT')
      expect(await served.text()).toBe(html)
    }
    expect((await cluster.takeStats()).total).toBe(0)
  })

  it('counts sign-in attempts across instances: the 11th is refused whichever instance gets it', async () => {
    const shopper = new Shopper(cluster.siteUrl)
    const attempt = (base: string) => shopper.post(base, '/api/auth/login', { email: email('throttled'), password: 'not-the-password' })
    await cluster.takeStats()
    for (let i = 0; i < 10; i++) {
      const refused = await attempt([a, b, c][i % 3]!)
      expect(refused.status, `attempt ${i + 1}`).toBe(401)
    }
    for (const base of [a, b, c, lb]) {
      const throttled = await attempt(base)
      expect(throttled.status, base).toBe(429)
      expect(throttled.body).toMatchObject({ code: 'throttled' })
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    // Only the ten attempts reached the backend.
    expect((await cluster.takeStats()).routes['POST /auth/token/']).toBe(10)
  })

  it('keeps a shopper signed in on every instance, and two instances rotating the same refresh token do not sign them out', async () => {
    const shopper = new Shopper(cluster.siteUrl)
    expect((await shopper.register(a, email('session'), 'Ada')).status).toBe(201)
    for (const base of [b, c]) {
      const page = await shopper.get(base, '/auth/profile', { accept: 'text/html' })
      expect(page.status, base).toBe(200)
      expect(page.text).toContain('Account: Ada Shopper')
    }

    // Every instance is asked to rotate the same refresh token at the same moment (three tabs, three instances).
    const cookie = shopper.cookies.get('sf_refresh')!
    const tabs = [a, b, c].map(() => new Shopper(cluster.siteUrl))
    for (const tab of tabs) tab.cookies.set('sf_refresh', cookie)
    const rotations = await Promise.all(tabs.map((tab, i) => tab.post<{ access?: string }>([a, b, c][i]!, '/api/auth/refresh')))
    expect(rotations.map(rotation => rotation.status)).toEqual([200, 200, 200])
    const rotated = tabs.map(tab => tab.cookies.get('sf_refresh'))
    expect(new Set(rotated).size).toBe(1)
    expect(rotated[0]).not.toBe(cookie)

    // The one new cookie keeps them signed in everywhere, and rotates again (it was not blacklisted by a loser).
    for (const base of [a, b, c]) {
      const page = await tabs[0]!.get(base, '/auth/profile', { accept: 'text/html' })
      expect(page.text, base).toContain('Account: Ada Shopper')
    }
    expect((await tabs[0]!.post(c, '/api/auth/refresh')).status).toBe(200)
  })

  it('keeps both changes when a guest cart is changed through two instances at once', async () => {
    const [first, second, third] = stocked as [number, number, number]
    const guest = new Shopper(cluster.siteUrl)
    const created = await guest.post<{ items: Array<{ id: number }> }>(a, '/api/cart/items/', { product_id: first, quantity: 1 })
    expect(created.status).toBe(201)
    // The BFF keeps the guest cart's token in an httpOnly cookie; the browser never sees it in a body.
    expect(guest.cookies.get('sf_cart_token')).toBeTruthy()
    expect(created.text).not.toContain(guest.cookies.get('sf_cart_token')!)
    const lineId = created.body.items[0]!.id

    const changes = await Promise.all([
      guest.post(b, '/api/cart/items/', { product_id: second, quantity: 2 }),
      guest.call(c, 'PATCH', `/api/cart/items/${lineId}/`, { quantity: 3 }),
      guest.post(lb, '/api/cart/items/', { product_id: third, quantity: 1 }),
    ])
    expect(changes.map(change => change.status)).toEqual([201, 200, 201])
    expect(quantities((await guest.get<{ items: [] }>(a, '/api/cart/')).body)).toEqual({ [first]: 3, [second]: 2, [third]: 1 })
  })

  it('keeps both changes when a signed-in cart is changed through two instances at once', async () => {
    const [first, second] = stocked.slice(3) as [number, number]
    const shopper = new Shopper(cluster.siteUrl)
    expect((await shopper.register(lb, email('cart'))).status).toBe(201)
    const created = await shopper.post<{ items: Array<{ id: number }> }>(a, '/api/cart/items/', { product_id: first, quantity: 1 })
    const lineId = created.body.items[0]!.id
    const changes = await Promise.all([
      shopper.post(b, '/api/cart/items/', { product_id: second, quantity: 1 }),
      shopper.call(c, 'PATCH', `/api/cart/items/${lineId}/`, { quantity: 4 }),
    ])
    expect(changes.map(change => change.status)).toEqual([201, 200])
    expect(quantities((await shopper.get<{ items: [] }>(b, '/api/cart/')).body)).toEqual({ [first]: 4, [second]: 1 })
  })

  it('restarts one instance in the middle of a load run without a failed request the client could not retry, or a lost cart line or order', async () => {
    const products = cluster.api.backend.db.products
    const categories = cluster.api.backend.db.categories
    const pages = [
      '/', '/products', '/products?sort=price-asc', '/categories',
      ...categories.slice(0, 3).map(category => categoryPath(category.slug)),
      ...products.slice(0, 8).map(product => productPath(product)),
    ]
    const buyers = [new Shopper(cluster.siteUrl), new Shopper(cluster.siteUrl)]
    for (const [i, buyer] of buyers.entries()) expect((await buyer.register(lb, email(`buyer-${i}`))).status).toBe(201)
    const result = await restartUnderLoad(cluster, {
      pages,
      apiReads: ['/api/products/?page_size=12', '/api/categories/', `/api/products/${stocked[0]}/`],
      pageViewers: 4,
      guests: [new Shopper(cluster.siteUrl), new Shopper(cluster.siteUrl), new Shopper(cluster.siteUrl)],
      buyers,
      products: stocked,
      restart: cluster.instances[1]!,
    })
    const { tally, restart } = result
    console.info(`[cluster] ${result.summary}`)

    // The instance drained: readiness 503 on a connection it still had, the request in flight finished, exit 0.
    expect(restart.readinessWhileDraining).toEqual({ status: 503, body: { status: 'draining' } })
    expect(restart.inFlight).toBe(200)
    expect(restart.exitCode).toBe(0)
    expect(restart.servedAfterRestart).toBeGreaterThan(0)

    // Nothing failed that the client could not safely send again, and everything it sent again succeeded.
    expect(tally.failures.filter(failure => failure.kind === 'cart add')).toEqual([])
    expect(result.unrecovered).toEqual([])
    expect(tally.byKind['cart add'].requests).toBeGreaterThan(30)
    expect(tally.byKind.order.requests).toBeGreaterThan(5)

    // No cart line lost, none added twice.
    expect(result.guestCartsAfter).toEqual(tally.guestCarts)
    // Every order answered once, by its key, is at the backend exactly once; none other is.
    for (const [i, buyer] of buyers.entries()) {
      const user = [...cluster.api.backend.db.users.values()].find(u => u.email === email(`buyer-${i}`))!
      const atBackend = cluster.api.backend.db.orders.filter(order => order.userId === user.id).map(order => order.id).sort((x, y) => x - y)
      expect(atBackend).toEqual([...tally.orders[i]!.values()].sort((x, y) => x - y))
      expect(buyer.access).toBeTruthy()
    }
  })
})
