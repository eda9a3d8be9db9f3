import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import { onNuxtReady, useRouter } from '#imports'
import { useCatalogListing } from '~/composables/catalog/useCatalogListing'
import { useCategories } from '~/composables/catalog/useCategories'
import { useProductFacets } from '~/composables/catalog/useProductFacets'
import type { ProductQuery } from '~/services/domain/product'
import type { FacetsDto } from '~/services/dto'
import { categoryPath, PRODUCTS_PATH } from '~/utils/routes/paths'
import { productPage, seed } from '../../support/fixtures'
import { apiError } from '../../support/fakeApi'
import { mountComposable } from '../../support/nuxt'
import { settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'

const fake = useFakeApi()

afterEach(() => {
  vi.restoreAllMocks()
})

function facets(brands: Array<[string, number]>): FacetsDto {
  return {
    categories: [{ slug: 'kitchen', name: 'Kitchen', count: 9 }],
    brands: brands.map(([slug, count]) => ({ slug, name: slug.toUpperCase(), count })),
    price: { min: '1.00', max: '99.00' },
    ratings: [{ min_rating: 4, count: 3 }],
  }
}

describe('useCatalogListing', () => {
  it('loads the list, the facets and the categories together, from the URL\'s filters', async () => {
    const { result } = await mountComposable(() => useCatalogListing(), { route: `${PRODUCTS_PATH}?brand=acme&sort=price-asc` })
    expect(fake.current.callsTo('/products/')[0]!.query).toMatchObject({ brand: ['acme'], ordering: 'price' })
    // Facets do not depend on the sort.
    expect(fake.current.callsTo('/products/facets/')[0]!.query).toMatchObject({ brand: ['acme'], ordering: undefined })
    expect(fake.current.callsTo('/categories/')).toHaveLength(1)
    expect(result.filters.query.value).toEqual({ brands: ['acme'], sort: 'price-asc' })
  })

  it('counts results from the facets until the whole list is loaded, then exactly', async () => {
    const { result } = await mountComposable(() => useCatalogListing(), { route: `${PRODUCTS_PATH}?brand=acme` })
    expect(result.resultCount.value).toBeNull()
    fake.current.callsTo('/products/facets/')[0]!.resolve(facets([['acme', 3], ['bolt', 7]]))
    await settle()
    // Only the selected brand counts.
    expect(result.resultCount.value).toBe(3)
    fake.current.callsTo('/products/')[0]!.resolve(productPage([1, 2], null))
    await settle()
    expect(result.resultCount.value).toBe(2)
  })

  // A link's values the listing ignores (a typed price that is no number, a rating the filter does not offer) reach no
  // request, so the address should not keep them either: once the page is interactive it says what the listing shows,
  // in place (no new history entry), and nothing is loaded again. Parameters that are not the listing's (tracking) stay.
  it('replaces a link\'s ignored filter values in the address with what the listing applies, loading nothing again', async () => {
    const router = useRouter()
    const { result } = await mountComposable(() => useCatalogListing(), { route: `${PRODUCTS_PATH}?min_price=abc&rating=9&brand=acme&max_price=50&sort=price-asc&utm_source=mail` })
    const push = vi.spyOn(router, 'push')
    const replace = vi.spyOn(router, 'replace')
    expect(fake.current.callsTo('/products/')[0]!.query).toMatchObject({ brand: ['acme'], max_price: '50.00', min_price: undefined, min_rating: undefined })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`${PRODUCTS_PATH}?utm_source=mail&brand=acme&max_price=50.00&sort=price-asc`))
    expect(replace).toHaveBeenCalledOnce()
    expect(push).not.toHaveBeenCalled()
    await settle()
    expect(result.filters.query.value).toEqual({ brands: ['acme'], maxPrice: 5000, sort: 'price-asc' })
    expect(fake.current.callsTo('/products/')).toHaveLength(1)
    expect(fake.current.callsTo('/products/facets/')).toHaveLength(1)
  })

  it('leaves the address of a link whose values all apply as it is', async () => {
    const router = useRouter()
    await mountComposable(() => useCatalogListing(), { route: `${PRODUCTS_PATH}?sort=price-asc&brand=acme&brand=bolt&min_price=5.00&cursor=c3` })
    const replace = vi.spyOn(router, 'replace')
    // The listing's check waits for the page to be interactive and loads its code then, as this does.
    await new Promise<void>(resolve => onNuxtReady(resolve))
    await import('~/composables/catalog/listingAddress')
    await settle()
    expect(replace).not.toHaveBeenCalled()
    expect(router.currentRoute.value.fullPath).toBe(`${PRODUCTS_PATH}?sort=price-asc&brand=acme&brand=bolt&min_price=5.00&cursor=c3`)
  })

  it('links categories keeping the other filters', async () => {
    const { result } = await mountComposable(() => useCatalogListing(), { route: `${PRODUCTS_PATH}?brand=acme&in_stock=1&cursor=c3` })
    expect(result.categoryLink('kitchen')).toEqual({ path: categoryPath('kitchen'), query: { brand: ['acme'], in_stock: '1' } })
    expect(result.categoryLink(null)).toEqual({ path: PRODUCTS_PATH, query: { brand: ['acme'], in_stock: '1' } })
  })
})

describe('useProductFacets', () => {
  it('keeps showing the last counts while the counts for new filters load, and retries on demand', async () => {
    const query = ref<ProductQuery>({ brands: ['acme'] })
    const { result } = await mountComposable(() => useProductFacets(query))
    fake.current.callsTo('/products/facets/')[0]!.resolve(facets([['acme', 3]]))
    await settle()
    expect(result.facets.value?.brands).toEqual([{ slug: 'acme', name: 'ACME', count: 3 }])
    expect(result.status.value).toBe('success')

    query.value = { brands: ['acme'], inStock: true }
    await nextTick()
    expect(fake.current.callsTo('/products/facets/')[1]!.query).toMatchObject({ in_stock: 'true' })
    expect(result.status.value).toBe('loading')
    // No flicker: the panel keeps the previous counts until the new ones arrive.
    expect(result.facets.value?.brands).toEqual([{ slug: 'acme', name: 'ACME', count: 3 }])
    fake.current.callsTo('/products/facets/')[1]!.resolve(facets([['acme', 1]]))
    await settle()
    expect(result.facets.value?.brands[0]?.count).toBe(1)

    // A sort change is the same facets: no request.
    query.value = { brands: ['acme'], inStock: true, sort: 'title' }
    await nextTick()
    expect(fake.current.callsTo('/products/facets/')).toHaveLength(2)

    void result.retry()
    expect(fake.current.callsTo('/products/facets/')).toHaveLength(3)
  })

  // After a filter change whose counts failed, the last counts are another query's: shown, they stood next to the new
  // results as if they were theirs. None are given until these filters' own arrive, retries included.
  it('gives no counts once the counts for new filters failed, while they are retried, until they arrive', async () => {
    const query = ref<ProductQuery>({ brands: ['acme'] })
    const { result } = await mountComposable(() => useProductFacets(query))
    fake.current.callsTo('/products/facets/')[0]!.resolve(facets([['acme', 3], ['bolt', 7]]))
    await settle()
    expect(result.facets.value?.brands).toHaveLength(2)

    query.value = { brands: ['acme'], inStock: true }
    await nextTick()
    fake.current.callsTo('/products/facets/')[1]!.reject(apiError(503))
    await settle()
    expect(result.status.value).toBe('error')
    expect(result.facets.value).toBeNull()

    void result.retry()
    await nextTick()
    expect(result.status.value).toBe('loading')
    expect(result.facets.value).toBeNull()
    fake.current.callsTo('/products/facets/')[2]!.resolve(facets([['acme', 1]]))
    await settle()
    expect(result.facets.value?.brands).toEqual([{ slug: 'acme', name: 'ACME', count: 1 }])

    // The filters before: their counts are cached, and theirs again.
    query.value = { brands: ['acme'] }
    await nextTick()
    expect(result.facets.value?.brands).toHaveLength(2)
  })

  it('keeps the counts of these same filters when asking for them again failed', async () => {
    const query = ref<ProductQuery>({ brands: ['acme'] })
    const { result } = await mountComposable(() => useProductFacets(query))
    fake.current.callsTo('/products/facets/')[0]!.resolve(facets([['acme', 3]]))
    await settle()
    void result.retry()
    fake.current.callsTo('/products/facets/')[1]!.reject(apiError(503))
    await settle()
    expect(result.status.value).toBe('error')
    expect(result.facets.value?.brands).toEqual([{ slug: 'acme', name: 'ACME', count: 3 }])
  })
})

describe('useCategories', () => {
  it('builds the tree, finds a category and its ancestry', async () => {
    fake.current.on('GET', '/categories/', seed.categoryDtos())
    const { result } = await mountComposable(() => useCategories())
    await settle()
    const top = result.tree.value[0]!
    const child = top.children[0]!
    expect(result.find(child.slug)?.name).toBe(child.name)
    expect(result.pathTo(child.slug).map(c => c.slug)).toEqual([top.slug, child.slug])
    expect(result.status.value).toBe('success')
  })
})
