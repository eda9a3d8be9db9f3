import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchPath } from '~/utils/routes/searchPaths'
import { ACCOUNT_PATH, CART_PATH, CATEGORIES_PATH, categoryPath, HOME_PATH, orderPath, ORDERS_PATH, productPath, PRODUCTS_PATH, WISHLIST_PATH } from '~/utils/routes/paths'
import { discoverCatalog } from './support/catalog'
import type { CatalogBasics } from './support/pageKinds'
import { Shopper, type Answer } from './support/shoppers'
import { startChaosStack, type ChaosStack } from './support/stack'
import { recordCounts } from './support/tally'

// Issue 19, isolation under load: thousands of concurrent requests to one built server (sessions and page cache in
// Redis) mixing two signed-in shoppers, guests with carts and anonymous visitors. No answer shows anyone else's
// name, email, address, order, cart or wishlist, or sets anyone else's cookie; no shared-cache answer carries a
// Set-Cookie or anything personal; no HTML carries a token.

const ROUNDS = 23
const CONCURRENCY = 24
const GUESTS = 4

interface Actor {
  shopper: Shopper
  kind: 'signed-in' | 'guest' | 'anonymous'
  /** Strings only this actor's answers may contain. */
  markers: string[]
  cartProductIds: number[]
  wishlistIds: number[]
  orderId?: number
}

let stack: ChaosStack
let catalog: CatalogBasics
let plainIds: number[]
const actors: Actor[] = []
const counts = { requests: 0, 'html renders': 0, 'api reads': 0, 'signed-in shoppers': 2, 'guests with carts': GUESTS, 'anonymous visitors': 0, leaks: 0, 'shared answers with set-cookie': 0 }

async function signedInActor(first: string, productIds: [number, number]): Promise<Actor> {
  const shopper = new Shopper(stack.web.url, first)
  const tag = `${first}${Math.random().toString(36).slice(2, 8)}`
  const { email } = await shopper.register(tag, 'Isolated')
  await shopper.addToCart(productIds[0])
  const placed = await shopper.placeOrder({ full_name: `${tag} Receiver`, line1: `${tag} Street 1` })
  expect(placed.status).toBe(201)
  const order = placed.body as { id: number, number: string }
  await shopper.addToCart(productIds[1])
  expect((await shopper.json('/api/wishlist/', { method: 'POST', body: { product_id: productIds[0] } })).status).toBe(201)
  return { shopper, kind: 'signed-in', markers: [tag, email, order.number, `${tag} Street 1`], cartProductIds: [productIds[1]], wishlistIds: [productIds[0]], orderId: order.id }
}

beforeAll(async () => {
  stack = await startChaosStack({ redis: true, seedProducts: 120 })
  catalog = await discoverCatalog(stack.api.url)
  const page = await (await fetch(`${stack.api.url}/products/?page_size=50`)).json() as { results: Array<{ id: number, has_variants: boolean, in_stock: boolean }> }
  plainIds = page.results.filter(p => !p.has_variants && p.in_stock).map(p => p.id)
  actors.push(await signedInActor('Ada', [plainIds[0]!, plainIds[1]!]), await signedInActor('Bob', [plainIds[2]!, plainIds[3]!]))
  for (let i = 0; i < GUESTS; i++) {
    const guest = new Shopper(stack.web.url, `guest${i}`)
    await guest.addToCart(plainIds[4 + i]!)
    actors.push({ shopper: guest, kind: 'guest', markers: [], cartProductIds: [plainIds[4 + i]!], wishlistIds: [] })
  }
})

afterAll(async () => {
  recordCounts('isolation', counts)
  await stack?.stop()
})

const PUBLIC_PAGES = (c: CatalogBasics) => [HOME_PATH, PRODUCTS_PATH, `${PRODUCTS_PATH}?sort=rating`, CATEGORIES_PATH, categoryPath(c.categorySlug), productPath(c.product), searchPath(c.searchWord)]

/** What each kind of visitor asks for in one round, as paths (the API reads are the browser's own calls). */
function requestsOf(actor: Actor, others: Actor[]): string[] {
  const pages = PUBLIC_PAGES(catalog)
  if (actor.kind === 'anonymous') return pages
  if (actor.kind === 'guest') return [...pages.slice(0, 3), CART_PATH, '/api/cart/']
  const other = others.find(a => a.kind === 'signed-in' && a.orderId !== undefined)!
  return [ACCOUNT_PATH, ORDERS_PATH, orderPath(actor.orderId!), orderPath(other.orderId!), WISHLIST_PATH, CART_PATH, PRODUCTS_PATH, productPath(catalog.product), '/api/cart/', '/api/wishlist/ids/']
}

/** Every way this answer could show `actor` something that is not theirs; empty when it shows nothing of the kind. */
function leaksIn(actor: Actor, path: string, answer: Answer): string[] {
  const found: string[] = []
  const others = actors.filter(a => a !== actor)
  for (const other of others) {
    for (const marker of other.markers) if (answer.text.includes(marker)) found.push(`${actor.shopper.label} ${path}: ${other.shopper.label}'s "${marker}"`)
    // Session and cart tokens (the cart marker is "1" for everyone: nothing to tell apart).
    for (const [name, value] of [...other.shopper.cookies].filter(([, v]) => v.length >= 16)) {
      if (answer.headers.getSetCookie().some(line => line.startsWith(`${name}=${value}`))) found.push(`${actor.shopper.label} ${path}: sets ${other.shopper.label}'s ${name}`)
    }
  }
  if (/eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+/.test(answer.text) && !path.startsWith('/api/')) found.push(`${actor.shopper.label} ${path}: a token in the page`)
  const shared = answer.headers.get('x-cache') === 'HIT' || /\bpublic\b/.test(answer.headers.get('cache-control') ?? '')
  if (shared) {
    if (answer.headers.getSetCookie().length) {
      counts['shared answers with set-cookie'] += 1
      found.push(`${actor.shopper.label} ${path}: a shared answer with Set-Cookie`)
    }
    for (const marker of actor.markers) if (answer.text.includes(marker)) found.push(`${actor.shopper.label} ${path}: personal "${marker}" in a shared answer`)
  }
  if (path === '/api/cart/') {
    const ids = (JSON.parse(answer.text) as { items: Array<{ product_id: number }> }).items.map(item => item.product_id)
    if (JSON.stringify(ids) !== JSON.stringify(actor.cartProductIds)) found.push(`${actor.shopper.label}: cart ${ids.join(',')}`)
  }
  if (path === '/api/wishlist/ids/') {
    const ids = (JSON.parse(answer.text) as { product_ids: number[] }).product_ids
    if (JSON.stringify(ids) !== JSON.stringify(actor.wishlistIds)) found.push(`${actor.shopper.label}: wishlist ${ids.join(',')}`)
  }
  if (path === WISHLIST_PATH) {
    const shown = [...answer.text.matchAll(/data-wishlist-product="(\d+)"/g)].map(m => Number(m[1]))
    if (JSON.stringify(shown) !== JSON.stringify(actor.wishlistIds)) found.push(`${actor.shopper.label}: wishlist page shows ${shown.join(',')}`)
  }
  return found
}

function expectedStatus(actor: Actor, path: string): number {
  // Another shopper's order is a 404 like an unknown one.
  const foreignOrder = actors.find(a => a !== actor && a.orderId !== undefined && path === orderPath(a.orderId))
  return foreignOrder ? 404 : 200
}

describe('isolation under load', () => {
  it('thousands of interleaved renders and reads: nobody sees anyone else\'s data, no shared answer sets a cookie', async () => {
    const anonymous = Array.from({ length: 3 }, (_, i) => ({ shopper: new Shopper(stack.web.url, `anonymous${i}`), kind: 'anonymous' as const, markers: [], cartProductIds: [], wishlistIds: [] }))
    counts['anonymous visitors'] = anonymous.length
    const everyone = [...actors, ...anonymous]
    // Round-robin over visitors and their pages (each list cycled to the longest), so concurrent requests always mix
    // shoppers: 9 visitors x 10 requests x 23 rounds = 2,070.
    const jobs: Array<{ actor: Actor, path: string }> = []
    for (let round = 0; round < ROUNDS; round++) {
      const lists = everyone.map(actor => requestsOf(actor, actors).map(path => ({ actor, path })))
      const longest = Math.max(...lists.map(list => list.length))
      for (let i = 0; i < longest; i++) for (const list of lists) if (list[(i + round) % list.length]) jobs.push(list[(i + round) % list.length]!)
    }

    const leaks: string[] = []
    const wrongStatus: string[] = []
    let next = 0
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const { actor, path } = jobs[next++]!
        const api = path.startsWith('/api/')
        const answer = await actor.shopper.send(path, { accept: api ? 'application/json' : 'text/html' })
        counts.requests += 1
        counts[api ? 'api reads' : 'html renders'] += 1
        if (answer.status !== expectedStatus(actor, path)) wrongStatus.push(`${actor.shopper.label} ${path}: ${answer.status}`)
        leaks.push(...leaksIn(actor, path, answer))
      }
    }))
    counts.leaks = leaks.length
    expect(leaks.slice(0, 20)).toEqual([])
    expect(wrongStatus.slice(0, 20)).toEqual([])
    expect(counts.requests).toBeGreaterThanOrEqual(2_000)
  })
})
