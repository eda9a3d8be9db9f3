import { describe, expect, it } from 'vitest'
import { useCategoryStore } from '~/stores/catalog/categories'
import { useFacetsStore } from '~/stores/catalog/facets'
import { useProductDetailStore } from '~/stores/catalog/productDetail'
import { useProductStore } from '~/stores/catalog/products'
import { useReviewStore } from '~/stores/catalog/reviews'
import { loadWholeList, useDemoCatalog } from './support/demoCatalog'

// The catalog stores through the real services and transport, against the demo backend in msw/node.
useDemoCatalog({ seedProducts: 1500 })

describe('catalog stores over the demo backend', () => {
  it('walks a whole category with loadMore: every product once, as many as the facets count', async () => {
    const categories = useCategoryStore()
    await categories.fetchCategories()
    const top = categories.tree[0]!
    const facets = await useFacetsStore().fetchFacets({})
    const expected = facets.data!.categories.find(c => c.slug === top.slug)!.count

    const list = await loadWholeList({ category: top.slug }, { pageSize: 100 })
    const products = useProductStore()
    expect(list.status).toBe('done')
    expect(list.ids).toHaveLength(expected)
    expect(new Set(list.ids).size).toBe(expected)
    expect(list.ids.every(id => products.byId[id]!.category.slug !== undefined)).toBe(true)
  })

  it('filters the list and its facets the same way: the result count matches the list', async () => {
    const query = { brands: [], inStock: true, minRating: 4 }
    const facets = await useFacetsStore().fetchFacets(query)
    const brand = facets.data!.brands[0]!
    const narrowed = { ...query, brands: [brand.slug] }
    const list = await loadWholeList(narrowed, { pageSize: 100 })
    const products = useProductStore()
    expect(list.ids).toHaveLength(brand.count)
    for (const id of list.ids) {
      const p = products.byId[id]!
      expect(p.brand.slug).toBe(brand.slug)
      expect(p.inStock).toBe(true)
      expect(p.rating).toBeGreaterThanOrEqual(4)
    }
  })

  it('loads a product with sanitized description, related products and paged reviews', async () => {
    const products = useProductStore()
    await products.fetchFirst({ sort: 'rating' }, { pageSize: 50 })
    const withReviews = products.listFor({ sort: 'rating' })!.ids.map(id => products.byId[id]!).find(p => p.reviewsCount > 5)!

    const detail = useProductDetailStore()
    const state = await detail.fetchDetail(withReviews.id)
    expect(state.status).toBe('success')
    expect(state.data!.descriptionHtml.length).toBeGreaterThan(0)
    expect(state.data!.descriptionHtml).not.toMatch(/<script|on\w+=|javascript:/i)
    await detail.fetchRelated(state.data!)
    const related = detail.relatedListFor(withReviews.id)!.ids.filter(id => id !== withReviews.id).map(id => products.byId[id]!)
    expect(related.length).toBeGreaterThan(0)
    expect(related.every(p => p.category.slug === withReviews.category.slug && p.id !== withReviews.id)).toBe(true)

    const reviews = useReviewStore()
    await reviews.fetchFirst(withReviews.id)
    const firstPage = reviews.listFor(withReviews.id)!.ids.length
    await reviews.loadMore(withReviews.id)
    const after = reviews.listFor(withReviews.id)!.ids.map(id => reviews.byId[id]!)
    expect(after.length).toBeGreaterThan(firstPage)
    expect(new Set(after.map(r => r.id)).size).toBe(after.length)
  })

  it('keeps an unknown product as a 404 error value', async () => {
    const state = await useProductDetailStore().fetchDetail(987654)
    expect(state.status).toBe('error')
    expect(state.error).toMatchObject({ status: 404 })
  })
})
