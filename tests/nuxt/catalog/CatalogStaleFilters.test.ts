import { beforeEach, describe, expect, it, vi } from 'vitest'
import { clearNuxtState } from '#imports'
import CatalogStaleFilters from '~/components/catalog/CatalogStaleFilters.vue'
import { useCatalogListing } from '~/composables/catalog/useCatalogListing'
import { PRODUCTS_PATH } from '~/utils/routes/paths'
import { productPage } from '../../support/fixtures'
import { apiError } from '../../support/fakeApi'
import { mountComposable, mountInNuxt } from '../../support/nuxt'
import { settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'

// The notice is a status region: a screen reader announces each change of its text. django-filter names one removed
// brand per answer, so a link with two takes two answers in the browser; the shopper should hear one sentence, the
// final one, not the first brand and then both.

const fake = useFakeApi()
const invalid = (slug: string) => apiError(400, 'Bad request', { brand: [`Select a valid choice. ${slug} is not one of the available choices.`] })

beforeEach(() => clearNuxtState('catalog:filter-correction'))

describe('CatalogStaleFilters', () => {
  it('announces a correction in several rounds once, with its final text', async () => {
    const route = `${PRODUCTS_PATH}?brand=gone1&brand=acme&brand=gone2`
    const { result: listing } = await mountComposable(() => useCatalogListing(), { route })
    fake.current.callsTo('/products/')[0]!.reject(invalid('gone2'))
    await settle()

    // CatalogListing mounts the notice with the first 400.
    const wrapper = await mountInNuxt(CatalogStaleFilters, { props: { listing }, route, attachTo: document.body })
    const region = wrapper.get('[role="status"]').element
    const announced: string[] = []
    const record = () => {
      const text = region.textContent?.trim() ?? ''
      if (text !== (announced.at(-1) ?? '')) announced.push(text)
    }
    record()
    const observer = new MutationObserver(record)
    observer.observe(region, { childList: true, subtree: true, characterData: true })

    await vi.waitFor(() => expect(fake.current.callsTo('/products/')).toHaveLength(2))
    await settle()
    fake.current.callsTo('/products/')[1]!.reject(invalid('gone1'))
    await vi.waitFor(() => expect(fake.current.callsTo('/products/')).toHaveLength(3))
    await settle()
    fake.current.callsTo('/products/')[2]!.resolve(productPage([1, 2], null))
    await settle()
    // Records not yet delivered are dropped by disconnect: read the region's last state first.
    record()
    observer.disconnect()

    expect(announced).toEqual(['The brands ‘gone2’ and ‘gone1’ are no longer available, so they were left out.'])
  })
})
