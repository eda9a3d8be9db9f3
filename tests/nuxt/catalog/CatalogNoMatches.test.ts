import { afterEach, describe, expect, it } from 'vitest'
import CatalogNoMatches from '~/components/catalog/CatalogNoMatches.vue'
import { useListingFilters } from '~/composables/catalog/useListingFilters'
import { currentAnnouncement } from '~/composables/ui/useAnnouncer'
import { PRODUCTS_PATH } from '~/utils/routes/paths'
import { mountComposable, mountInNuxt } from '../../support/nuxt'

// An empty result offers "Clear all filters" where the shopper is looking: on a narrow screen the panel's own is
// behind the Filters button. It clears as the panel's does (useClearAllFilters).

afterEach(() => {
  document.body.replaceChildren()
})

/** The listing's heading, where the focus goes once the button has left with the filters. */
function pageHeading(): HTMLElement {
  const main = document.createElement('main')
  main.innerHTML = '<h1>All products</h1>'
  document.body.append(main)
  return main.querySelector('h1')!
}

describe('CatalogNoMatches', () => {
  it('clears the filters, puts the focus on the listing\'s heading and says so', async () => {
    const heading = pageHeading()
    const route = `${PRODUCTS_PATH}?brand=acme&in_stock=1&sort=price-asc`
    const { result: filters } = await mountComposable(() => useListingFilters(), { route })
    const wrapper = await mountInNuxt(CatalogNoMatches, { props: { filters }, route, attachTo: document.body })
    expect(wrapper.text()).toContain('No products match these filters.')
    const button = wrapper.get('button')
    expect(button.text()).toBe('Clear all filters')

    await button.trigger('click')
    expect(filters.draft.value).toEqual({})
    expect(document.activeElement).toBe(heading)
    expect(currentAnnouncement()).toBe('Filters cleared.')
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('offers nothing to clear on a listing without filters, and blames none (a category with no products yet)', async () => {
    const { result: filters } = await mountComposable(() => useListingFilters(), { route: `${PRODUCTS_PATH}?sort=price-asc` })
    const wrapper = await mountInNuxt(CatalogNoMatches, { props: { filters } })
    expect(wrapper.text()).toBe('There are no products here yet.')
    expect(wrapper.find('button').exists()).toBe(false)
  })
})
