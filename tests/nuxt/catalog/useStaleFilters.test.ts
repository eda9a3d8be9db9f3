import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearNuxtState, useRouter } from '#imports'
import { useCatalogListing } from '~/composables/catalog/useCatalogListing'
import { useStaleFilters } from '~/composables/catalog/useStaleFilters'
import { MAX_CORRECTION_ROUNDS } from '~/composables/catalog/staleFilterCorrection'
import { listFailure } from '~/composables/seo/usePageStatus'
import { PRODUCTS_PATH } from '~/utils/routes/paths'
import { productPage } from '../../support/fixtures'
import { apiError } from '../../support/fakeApi'
import { mountComposable } from '../../support/nuxt'
import { settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'

// A listing link naming a brand the shop no longer has: django-filter answers 400 with the parameter's field error
// (tests/drf-real/fixtures/products-unknown-brand-400.json). The listing shows the rest of the shopper's filters.

/** A listing page, and what CatalogListing mounts (CatalogStaleFilters) when its list or facets answer 400. */
async function mountListing(route: string) {
  const { result: listing } = await mountComposable(() => useCatalogListing(), { route })
  const { result: dropped } = await mountComposable(() => useStaleFilters(listing), { route })
  return { ...listing, dropped }
}

const fake = useFakeApi()
const goneBrand = () => apiError(400, 'Bad request', { brand: ['Select a valid choice. gone is not one of the available choices.'] })

beforeEach(() => clearNuxtState('catalog:filter-correction'))
afterEach(() => vi.restoreAllMocks())

describe('useCatalogListing with filters the backend no longer knows', () => {
  it('loads again without only the refused value, keeps the other filters, says what it left out and replaces the URL', async () => {
    const router = useRouter()
    const result = await mountListing(`${PRODUCTS_PATH}?q=mug&brand=acme&brand=gone&in_stock=1&sort=price-asc`)
    const replace = vi.spyOn(router, 'replace')
    const push = vi.spyOn(router, 'push')

    fake.current.callsTo('/products/')[0]!.reject(goneBrand())
    // The correction's module loads with the first failure.
    await vi.waitFor(() => expect(fake.current.callsTo('/products/')).toHaveLength(2))

    const retried = fake.current.callsTo('/products/')
    expect(retried).toHaveLength(2)
    expect(retried[1]!.query).toMatchObject({ search: 'mug', brand: ['acme'], in_stock: 'true', ordering: 'price' })
    // The facets follow the same query.
    expect(fake.current.callsTo('/products/facets/').at(-1)!.query).toMatchObject({ brand: ['acme'], in_stock: 'true' })
    expect(result.dropped.value).toEqual([{ filter: 'brands', value: 'gone' }])
    expect(result.filters.query.value).toEqual({ search: 'mug', brands: ['acme'], inStock: true, sort: 'price-asc' })
    expect(result.filters.draft.value).toEqual(result.filters.query.value)
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`${PRODUCTS_PATH}?q=mug&brand=acme&in_stock=1&sort=price-asc`))
    expect(replace).toHaveBeenCalledTimes(1)
    expect(push).not.toHaveBeenCalled()

    retried[1]!.resolve(productPage([1, 2], null))
    await settle()
    expect(result.list.items.value.map(product => product.id)).toEqual([1, 2])
    expect(result.dropped.value).toEqual([{ filter: 'brands', value: 'gone' }])
  })

  it('keeps leaving out what the backend refuses, one value per answer as django-filter names them, and says all of it', async () => {
    const router = useRouter()
    const result = await mountListing(`${PRODUCTS_PATH}?brand=gone1&brand=acme&brand=gone2&in_stock=1&sort=price-asc`)
    const replace = vi.spyOn(router, 'replace')
    const invalid = (slug: string) => apiError(400, 'Bad request', { brand: [`Select a valid choice. ${slug} is not one of the available choices.`] })

    fake.current.callsTo('/products/')[0]!.reject(invalid('gone2'))
    await vi.waitFor(() => expect(fake.current.callsTo('/products/')).toHaveLength(2))
    expect(fake.current.callsTo('/products/')[1]!.query).toMatchObject({ brand: ['acme', 'gone1'], in_stock: 'true', ordering: 'price' })
    // The address may already show the first correction when the second answer comes.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`${PRODUCTS_PATH}?brand=acme&brand=gone1&in_stock=1&sort=price-asc`))

    fake.current.callsTo('/products/')[1]!.reject(invalid('gone1'))
    await vi.waitFor(() => expect(fake.current.callsTo('/products/')).toHaveLength(3))
    const last = fake.current.callsTo('/products/')[2]!
    expect(last.query).toMatchObject({ brand: ['acme'], in_stock: 'true', ordering: 'price' })
    expect(fake.current.callsTo('/products/facets/').at(-1)!.query).toMatchObject({ brand: ['acme'], in_stock: 'true' })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`${PRODUCTS_PATH}?brand=acme&in_stock=1&sort=price-asc`))

    last.resolve(productPage([1, 2], null))
    await settle()
    expect(result.list.items.value.map(product => product.id)).toEqual([1, 2])
    expect(result.filters.query.value).toEqual({ brands: ['acme'], inStock: true, sort: 'price-asc' })
    expect(result.filters.draft.value).toEqual(result.filters.query.value)
    expect(result.dropped.value).toEqual([{ filter: 'brands', value: 'gone2' }, { filter: 'brands', value: 'gone1' }])
    expect(replace.mock.calls.length).toBeLessThanOrEqual(2)
  })

  it('ends with the error when an answer names nothing more to leave out, however many it left out before', async () => {
    const result = await mountListing(`${PRODUCTS_PATH}?brand=gone1&brand=gone2&in_stock=1`)
    const answers = [
      apiError(400, 'Bad request', { brand: ['Select a valid choice. gone1 is not one of the available choices.'] }),
      apiError(400, 'Bad request', { brand: ['Select a valid choice. gone2 is not one of the available choices.'] }),
      // Nothing of the query: not a filter to leave out.
      apiError(400, 'Bad request', { brand: ['Select a valid choice. gone1 is not one of the available choices.'] }),
    ]
    for (const [index, answer] of answers.entries()) {
      await vi.waitFor(() => expect(fake.current.callsTo('/products/')).toHaveLength(index + 1))
      fake.current.callsTo('/products/')[index]!.reject(answer)
    }
    await settle()
    await settle()

    expect(fake.current.callsTo('/products/')).toHaveLength(3)
    expect(fake.current.callsTo('/products/')[2]!.query).toMatchObject({ in_stock: 'true' })
    expect(fake.current.callsTo('/products/')[2]!.query.brand).toBeUndefined()
    expect(listFailure(result.list)?.status).toBe(400)
    expect(result.dropped.value).toBeNull()
  })

  it('follows at most MAX_CORRECTION_ROUNDS refusals: a link with more gone values than that ends in the error', async () => {
    const gone = Array.from({ length: MAX_CORRECTION_ROUNDS + 2 }, (_, index) => `gone${index + 1}`)
    const result = await mountListing(`${PRODUCTS_PATH}?${gone.map(slug => `brand=${slug}`).join('&')}`)
    const invalid = (slug: string) => apiError(400, 'Bad request', { brand: [`Select a valid choice. ${slug} is not one of the available choices.`] })
    for (const [index, slug] of gone.slice(0, MAX_CORRECTION_ROUNDS + 1).entries()) {
      await vi.waitFor(() => expect(fake.current.callsTo('/products/')).toHaveLength(index + 1))
      fake.current.callsTo('/products/')[index]!.reject(invalid(slug))
    }
    await settle()
    await settle()

    expect(fake.current.callsTo('/products/')).toHaveLength(MAX_CORRECTION_ROUNDS + 1)
    expect(listFailure(result.list)?.status).toBe(400)
    expect(result.dropped.value).toBeNull()
  })

  it('a 400 for the corrected query that names nothing more to leave out is the error it always was', async () => {
    const result = await mountListing(`${PRODUCTS_PATH}?brand=gone&in_stock=1`)
    fake.current.callsTo('/products/')[0]!.reject(goneBrand())
    await vi.waitFor(() => expect(fake.current.callsTo('/products/')).toHaveLength(2))
    fake.current.callsTo('/products/')[1]!.reject(apiError(400, 'Bad request', { non_field_errors: ['Try another query.'] }))
    await settle()

    expect(fake.current.callsTo('/products/')).toHaveLength(2)
    expect(listFailure(result.list)?.status).toBe(400)
    expect(result.dropped.value).toBeNull()
  })

  it('shows an error that names no filter as before: nothing dropped, nothing loaded again', async () => {
    const result = await mountListing(`${PRODUCTS_PATH}?brand=acme`)
    fake.current.callsTo('/products/')[0]!.reject(apiError(400, 'Bad request', { cursor: ['Invalid cursor'] }))
    await settle()
    expect(fake.current.callsTo('/products/')).toHaveLength(1)
    expect(result.filters.query.value).toEqual({ brands: ['acme'] })
    expect(result.dropped.value).toBeNull()
  })
})
