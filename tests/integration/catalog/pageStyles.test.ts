import { describe, expect, it } from 'vitest'
import { facetResultCount } from '~/services/domain/facets'
import { useFacetsStore } from '~/stores/catalog/facets'
import { useProductStore } from '~/stores/catalog/products'
import { useReviewStore } from '~/stores/catalog/reviews'
import { DEMO_PROFILES } from '../../mocks/profile'
import { loadWholeList, useDemoCatalog } from './support/demoCatalog'

// A backend whose DEFAULT_PAGINATION_CLASS is PageNumberPagination or LimitOffsetPagination: `next` carries `page`,
// or `limit` and `offset`, and no `cursor`. The lists must read on past their first page all the same.

describe.each(['drf-page-number', 'drf-limit-offset'] as const)('lists over a demo paging as %s', (profile) => {
  useDemoCatalog({ seedProducts: 120, profile: DEMO_PROFILES[profile] })

  it('walks every product of a filtered listing, each once, past the first page of 24', async () => {
    const query = { inStock: true }
    const expected = facetResultCount((await useFacetsStore().fetchFacets(query)).data!)
    expect(expected).toBeGreaterThan(24)
    const list = await loadWholeList(query, { maxPages: 20 })
    const products = useProductStore()
    expect(list.status).toBe('done')
    expect(list.ids).toHaveLength(expected)
    expect(new Set(list.ids).size).toBe(expected)
    expect(list.ids.every(id => products.byId[id]!.inStock)).toBe(true)
  })

  it('reads a product\'s reviews past their first page', async () => {
    const products = useProductStore()
    await products.fetchFirst({}, { pageSize: 100 })
    const product = products.listFor({})!.ids.map(id => products.byId[id]!).find(p => p.reviewsCount > 10)!
    const reviews = useReviewStore()
    await reviews.fetchFirst(product.id)
    while (reviews.listFor(product.id)!.hasNext) await reviews.loadMore(product.id)
    const list = reviews.listFor(product.id)!
    expect(list.status).toBe('done')
    expect(new Set(list.ids).size).toBe(product.reviewsCount)
  })
})
