import { describe, expect, it } from 'vitest'
import { useBuiltStack } from '../server/support/builtStack'
import { componentPage, followNext } from './support/componentPages'
import { parseHtml } from './support/html'

// Server-rendered component pages (?cursor=...) over a backend with DRF's own CursorPagination, whose cursors are
// a position plus an offset and standard base64 ('+', '/', '='). Following rel="next" from the first page of a
// listing sorted by rating - hundreds of products share a rating - must list every product once, in order.

const PRODUCTS = 600

const stack = useBuiltStack({ seedProducts: PRODUCTS, profile: { pagination: 'drf', decimals: 'string' } })

describe('component pages over DRF CursorPagination', () => {
  it('following next from /products?sort=rating lists every product once, in the backend\'s order', async () => {
    const counts = new Map<number, number>()
    for (const product of stack.api.backend.db.products) counts.set(product.ratingTenths, (counts.get(product.ratingTenths) ?? 0) + 1)
    expect(Math.max(...counts.values()), 'ratings tie over several pages').toBeGreaterThan(3 * 24)

    const { visited, productIds: walked } = await followNext(`${stack.web.url}/products?sort=rating`)

    expect(visited.length).toBeGreaterThan(PRODUCTS / 24 - 1)
    expect(new Set(walked).size).toBe(walked.length)
    expect(walked).toEqual(stack.api.backend.db.index.sorted['-rating'].map(product => product.id))
  }, 120_000)

  it('a component page whose cursor the backend cannot read says so and leads to the first page, filters and sort kept', async () => {
    const first = await componentPage(`${stack.web.url}/products?sort=rating&in_stock=1`)
    const next = new URL(first.next ?? '')
    // A link mangled on its way (a mail client's line break, a chat app's escaping).
    next.searchParams.set('cursor', `${next.searchParams.get('cursor')?.slice(0, 6)}%%`)

    const response = await fetch(next, { redirect: 'manual' })
    // DRF's 404 for a cursor it cannot read: the page says it is gone (and crawlers drop it), not "try again".
    expect(response.status).toBe(404)
    const doc = parseHtml(await response.text(), next.href)
    const results = doc.querySelector('main section[aria-label="Results"]')
    expect(results?.querySelector('[role="alert"]')?.textContent).toContain('This page of results is no longer available.')
    const firstPage = [...results?.querySelectorAll('a') ?? []].find(link => link.textContent?.includes('See the first page'))
    const target = new URL(firstPage?.getAttribute('href') ?? '', next)
    expect([target.pathname, target.searchParams.get('sort'), target.searchParams.get('in_stock'), target.searchParams.has('cursor')]).toEqual(['/products', 'rating', '1', false])
    expect([...results?.querySelectorAll('button') ?? []].map(button => button.textContent?.trim())).not.toContain('Try again')
  })
})
