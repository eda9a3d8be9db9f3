import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'parse5'
import { searchPath } from '~/utils/routes/searchPaths'
import { CART_PATH, CATEGORIES_PATH, categoryPath, HOME_PATH, orderPath, ORDERS_PATH, productPath, PRODUCTS_PATH, WISHLIST_PATH } from '~/utils/routes/paths'
import { xssPayloads } from './support/corpus'
import { seedHostileCatalog, type HostileCatalog } from './support/hostileCatalog'
import { auditHtml, LEAKED_INTERNALS } from './support/htmlAudit'
import { Shopper, type Answer } from './support/shoppers'
import { startChaosStack, type ChaosStack } from './support/stack'
import { recordCounts } from './support/tally'

// Issue 19: hostile content from the backend. The XSS corpus in every field the backend fills and the storefront
// shows (titles, slugs, descriptions, image URLs and alts, reviews, attributes, brand and category names, and the
// suggestions built from them), then every page that shows them rendered: each a 200, nothing executable in it
// (parse5 audit), the text shown as text. The browser half (tests/chaos/browser) runs the same catalog in Chromium.

const payloads = xssPayloads()
let stack: ChaosStack
let hostile: HostileCatalog
let shopper: Shopper
const counts = { payloads: payloads.length, 'payload x field placements': 0, pages: 0, '5xx': 0, 'audit findings': 0 }

beforeAll(async () => {
  stack = await startChaosStack()
  hostile = await seedHostileCatalog(stack, payloads)
  counts['payload x field placements'] = hostile.placements
  shopper = new Shopper(stack.web.url, 'reader')
})

afterAll(async () => {
  recordCounts('hostile-content', counts)
  await stack?.stop()
})

/** A page as a shopper gets it, following the storefront's own redirects (at most one: a loop is a failure). */
async function render(path: string, as: Shopper = shopper): Promise<Answer & { path: string }> {
  let answer = await as.send(path)
  let at = path
  if (answer.status === 301 || answer.status === 302) {
    at = answer.headers.get('location') ?? ''
    answer = await as.send(at)
    expect(answer.status, `${path} redirected to ${at}, which redirected again`).not.toBe(301)
  }
  counts.pages += 1
  if (answer.status >= 500) counts['5xx'] += 1
  return { ...answer, path: at }
}

function expectClean(answer: Answer & { path: string }): void {
  expect(answer.status, answer.path).toBe(200)
  const findings = auditHtml(answer.text)
  counts['audit findings'] += findings.length
  expect(findings, answer.path).toEqual([])
  expect(answer.text).not.toMatch(LEAKED_INTERNALS)
}

interface Node { nodeName: string, attrs?: Array<{ name: string, value: string }>, childNodes?: Node[], value?: string }

/** The text of the element with this id (what a screen reader and a shopper read). */
function textById(html: string, id: string): string | null {
  const find = (node: Node): Node | null => {
    if (node.attrs?.some(a => a.name === 'id' && a.value === id)) return node
    for (const child of node.childNodes ?? []) {
      const found = find(child)
      if (found) return found
    }
    return null
  }
  const text = (node: Node): string => (node.nodeName === '#text' ? node.value ?? '' : (node.childNodes ?? []).map(text).join(''))
  const element = find(parse(html) as unknown as Node)
  return element ? text(element) : null
}

describe('hostile content from the backend', () => {
  it('every product page shows its hostile title as text, and runs nothing from any of its fields', async () => {
    for (const { id, payload } of hostile.products) {
      const page = await render(productPath({ id, slug: payload }))
      expectClean(page)
      expect(textById(page.text, 'product-title')?.trim(), page.path).toBe(payload.trim())
    }
    expectClean(await render(productPath({ id: hostile.sink.id, slug: 'sink' })))
  })

  it('listings, home, categories and search show hostile titles, images, brands and category names inertly', async () => {
    const pages = [
      HOME_PATH, PRODUCTS_PATH, `${PRODUCTS_PATH}?sort=rating`, `${PRODUCTS_PATH}?sort=price-asc`, `${PRODUCTS_PATH}?sort=price-desc`,
      `${PRODUCTS_PATH}?sort=title`, CATEGORIES_PATH, searchPath('alert'), searchPath('script'), searchPath('onerror'),
      ...hostile.categories.map(c => categoryPath(c.slug)),
      ...hostile.brands.slice(0, 10).map(b => `${PRODUCTS_PATH}?brand=${encodeURIComponent(b.slug)}`),
    ]
    for (const path of pages) expectClean(await render(path))
  })

  it('the payloads no category could take in the first round go through category names too', async () => {
    const overflow = hostile.categoryOverflow
    const all = await (await fetch(`${stack.api.url}/categories/`)).json() as Array<{ slug: string }>
    await stack.content({ categories: overflow.map((payload, i) => ({ slug: all[i]!.slug, name: payload })) })
    counts['payload x field placements'] += overflow.length
    for (const path of [HOME_PATH, CATEGORIES_PATH, PRODUCTS_PATH, ...all.slice(0, overflow.length).map(c => categoryPath(c.slug))]) {
      expectClean(await render(path))
    }
  })

  it('suggestions built from hostile titles and names come back as data, for the browser to render as text', async () => {
    for (const term of ['alert', 'script', 'img', 'svg']) {
      const answer = await shopper.send(`/api/products/suggest/?q=${term}`, { accept: 'application/json' })
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-type')).toMatch(/json/)
      expect(Array.isArray(JSON.parse(answer.text))).toBe(true)
    }
  })

  it('the wishlist, the cart and the orders show hostile product titles and images inertly', async () => {
    const buyer = new Shopper(stack.web.url, 'buyer')
    await buyer.register('Hostile', 'Buyer')
    for (const { id } of hostile.products) {
      expect((await buyer.json('/api/wishlist/', { method: 'POST', body: { product_id: id } })).status).toBeLessThan(300)
    }
    // Those without options go into the cart as they are (a product with options answers 400): a dozen, then one order.
    let inCart = 0
    for (const { id } of hostile.products) {
      if (inCart >= 12) break
      const added = await buyer.json('/api/cart/items/', { method: 'POST', body: { product_id: id, quantity: 1 } })
      if (added.status === 201) inCart += 1
    }
    expect(inCart).toBeGreaterThan(0)
    const cart = await buyer.send('/api/cart/', { accept: 'application/json' })
    expect(cart.status).toBe(200)
    expect(cart.headers.get('cache-control')).toMatch(/no-store/)
    const placed = await buyer.placeOrder()
    expect(placed.status).toBe(201)
    for (const path of [WISHLIST_PATH, CART_PATH, ORDERS_PATH, orderPath(placed.body.id!)]) expectClean(await render(path, buyer))
  })
})