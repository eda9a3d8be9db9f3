import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import CatalogListing from '~/components/catalog/CatalogListing.vue'
import { useCatalogListing, type UseCatalogListingOptions } from '~/composables/catalog/useCatalogListing'
import type { FacetsDto } from '~/services/dto'
import { categoryPath, PRODUCTS_PATH } from '~/utils/routes/paths'
import { productPage, seed } from '../../support/fixtures'
import { apiError } from '../../support/fakeApi'
import { mountComposable, mountInNuxt } from '../../support/nuxt'
import { settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'

const fake = useFakeApi()

const FACETS: FacetsDto = {
  categories: [{ slug: 'kitchen', name: 'Kitchen', count: 9 }],
  brands: [{ slug: 'acme', name: 'Acme', count: 3 }, { slug: 'bolt', name: 'Bolt', count: 7 }],
  price: { min: '1.00', max: '99.00' },
  ratings: [{ min_rating: 4, count: 3 }],
}

/** A listing page's body at `route`, its first products, counts and categories answered (or the categories failed). */
async function listingAt(route: string, options: UseCatalogListingOptions = {}, { categoriesFail = false, pageShowsCategoryFailure = false } = {}) {
  if (!categoriesFail) fake.current.on('GET', '/categories/', seed.categoryDtos())
  const { result: listing } = await mountComposable(() => useCatalogListing(options), { route })
  if (categoriesFail) fake.current.callsTo('/categories/')[0]!.reject(apiError(503))
  fake.current.callsTo('/products/')[0]!.resolve(productPage([1, 2], null))
  fake.current.callsTo('/products/facets/')[0]!.resolve(FACETS)
  await settle()
  const wrapper = await mountInNuxt(CatalogListing, { props: { listing, pageShowsCategoryFailure }, route })
  return { listing, wrapper }
}

// The panel and its failure lines are lazy components, and a filter edit's URL write imports its throttle on first
// use: their modules' first load (a cold transform on a CI machine) took longer than a wait for a render is given.
// Loaded once before, the waits below are for the render alone.
beforeAll(async () => {
  await Promise.all([import('~/components/catalog/CatalogFilterPanel.vue'), import('~/components/ui/UiLoadFailed.vue'), import('@vueuse/core')])
})

const toggle = (wrapper: VueWrapper) => wrapper.get('button[aria-controls="catalog-filters"]')

describe('CatalogListing', () => {
  // Below 1024 px the panel is behind this button: closed, nothing else on screen says filters are on.
  it('counts the filters on in the Filters button, in its name and in a badge', async () => {
    const { listing, wrapper } = await listingAt(`${PRODUCTS_PATH}?brand=acme&brand=bolt&min_price=5.00&max_price=50.00&in_stock=1&sort=price-asc`)
    // Two brands, the price range as one, availability; the sort is no filter.
    expect(toggle(wrapper).attributes('aria-label')).toBe('Filters, 4 active')
    expect(toggle(wrapper).text()).toBe('Filters4')

    listing.filters.update({ brands: ['acme'] })
    await settle()
    expect(toggle(wrapper).attributes('aria-label')).toBe('Filters, 3 active')
    listing.filters.clear()
    await settle()
    expect(toggle(wrapper).attributes('aria-label')).toBeUndefined()
    expect(toggle(wrapper).text()).toBe('Filters')
  })

  it('does not count the category a category page is', async () => {
    const { wrapper } = await listingAt(`${categoryPath('kitchen')}?in_stock=1`, { fixed: { category: 'kitchen' } })
    expect(toggle(wrapper).attributes('aria-label')).toBe('Filters, 1 active')
  })

  // The counts of the filters before stood next to the new results as theirs: now none are shown, every brand stays a
  // choice, and the failure line says what is missing, with its "Try again".
  it('shows no counts after the counts for a filter change failed, keeping every option', async () => {
    const { listing, wrapper } = await listingAt(`${PRODUCTS_PATH}?brand=acme`)
    const panel = () => wrapper.get('#catalog-filters')
    await vi.waitFor(() => expect(panel().findAll('input[name="brand"]')).toHaveLength(2))
    expect(panel().text()).toMatch(/Bolt\s*\(7\)/)

    listing.filters.update({ inStock: true })
    await vi.waitFor(() => expect(fake.current.callsTo('/products/facets/')).toHaveLength(2))
    fake.current.callsTo('/products/facets/')[1]!.reject(apiError(503, 'The service is unavailable.'))
    await settle()

    await vi.waitFor(() => expect(panel().get('[role="alert"]').text()).toContain('We could not load the filter counts.'))
    expect(panel().get('[role="alert"]').find('button').text()).toBe('Try again')
    expect(panel().text()).not.toMatch(/\(\d+\)/)
    expect(panel().findAll('input[name="brand"]').map(box => box.attributes('value'))).toEqual(['bolt', 'acme'])
    // Still a filter: ticking Bolt asks for it.
    await panel().get('input[value="bolt"]').setValue(true)
    expect(listing.filters.draft.value.brands).toEqual(['acme', 'bolt'])
  })

  // The panel says what it misses (its code out of the listings' first view with it), unless the page says it itself.
  it('says in the panel that the categories failed', async () => {
    const { wrapper } = await listingAt(PRODUCTS_PATH, {}, { categoriesFail: true })
    await vi.waitFor(() => expect(wrapper.get('#catalog-filters [role="alert"]').text()).toContain('We could not load the categories.'))
  })

  it('leaves the categories\' failure to a page that says it itself (a category page)', async () => {
    const { wrapper } = await listingAt(categoryPath('kitchen'), { fixed: { category: 'kitchen' } }, { categoriesFail: true, pageShowsCategoryFailure: true })
    await vi.waitFor(() => expect(wrapper.findAll('#catalog-filters input[name="brand"]')).toHaveLength(2))
    expect(wrapper.find('#catalog-filters [role="alert"]').exists()).toBe(false)
  })
})
