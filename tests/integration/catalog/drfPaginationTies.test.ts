import { $fetch } from 'ofetch'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApiClient } from '~/composables/core/api/createApiClient'
import type { ProductQuery } from '~/services/domain/product'
import { ORDERING_SPECS } from '../../mocks/db/orderings'
import { createDemoMswServer } from '../../mocks/testing/mswServer'

// The product store walking a backend with DRF's own CursorPagination (position of the first ordering field +
// offset) through long runs of equal ratings: every product once, in the backend's order. Only the store's verbs
// (fetchFirst, loadMore) drive it; what it shows is read in one place, `shown()`.
const PRODUCTS = 1_500
const demo = createDemoMswServer({ seedProducts: PRODUCTS, profile: { pagination: 'drf', decimals: 'string' } })
const api = createApiClient({ fetch: $fetch, baseURL: demo.baseUrl })
vi.mock('~/composables/core/useApi', () => ({ useApi: () => api }))

const { useProductStore } = await import('~/stores/catalog/products')
type ProductStore = ReturnType<typeof useProductStore>

beforeAll(() => demo.server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => setActivePinia(createPinia()))
afterAll(() => demo.server.close())

/** The ids the store shows for a query, in order. */
function shown(store: ProductStore, query: ProductQuery): number[] {
  return [...(store.listFor(query)?.ids ?? [])]
}

/** fetchFirst, then loadMore until the list stops growing. */
async function walk(store: ProductStore, query: ProductQuery, pageSize?: number): Promise<number[]> {
  await store.fetchFirst(query, { pageSize })
  for (let before = -1, rounds = 0; shown(store, query).length > before && rounds < 1_000; rounds++) {
    before = shown(store, query).length
    await store.loadMore(query)
  }
  return shown(store, query)
}

/** The longest run of equal keys in an ordering: how many products tie at one value. */
function longestTie(ordering: keyof typeof ORDERING_SPECS): number {
  const counts = new Map<number | string, number>()
  for (const product of demo.backend.db.products) {
    const key = ORDERING_SPECS[ordering].key(product)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return Math.max(...counts.values())
}

describe('product store over DRF CursorPagination with tied sort values', () => {
  it('sort=rating: runs of equal ratings span several pages, and every product shows once, in order', async () => {
    expect(longestTie('-rating')).toBeGreaterThan(4 * 24)
    const ids = await walk(useProductStore(), { sort: 'rating' })
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(demo.backend.db.index.sorted['-rating'].map(product => product.id))
  })

  it('sort=price-asc in small pages, where prices tie over several pages too', async () => {
    const pageSize = 5
    expect(longestTie('price')).toBeGreaterThan(3 * pageSize)
    const ids = await walk(useProductStore(), { sort: 'price-asc' }, pageSize)
    expect(ids).toEqual(demo.backend.db.index.sorted.price.map(product => product.id))
  })

  it('a filtered list through ties: in stock, rated 4 and up', async () => {
    const query: ProductQuery = { sort: 'rating', inStock: true, minRating: 4 }
    const ids = await walk(useProductStore(), query)
    const expected = demo.backend.db.index.sorted['-rating'].filter(p => p.stock > 0 && p.ratingTenths >= 40).map(p => p.id)
    expect(expected.length).toBeGreaterThan(4 * 24)
    expect(ids).toEqual(expected)
  })
})
