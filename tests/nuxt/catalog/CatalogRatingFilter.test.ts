import { describe, expect, it } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import CatalogRatingFilter from '~/components/catalog/CatalogRatingFilter.vue'
import { MIN_RATINGS } from '~/services/domain/product'

describe('CatalogRatingFilter', () => {
  it('labels each choice in words, with its count, and tells which minimum is chosen', async () => {
    const wrapper = await mountSuspended(CatalogRatingFilter, {
      props: { selected: 1, ratings: [{ minRating: 4, count: 12 }, { minRating: 1, count: 40 }] },
    })
    // The label's parts are flex items: a screen reader reads them as separate words.
    const text = (label: Element | null | undefined) => [...label?.querySelectorAll('span') ?? []].map(part => part.textContent?.trim()).join(' ')
    const labels = wrapper.findAll('label').map(label => text(label.element))
    expect(labels).toEqual(['Any rating', '4 stars & up (12)', '3 stars & up', '2 stars & up', '1 star & up (40)'])
    const checked = wrapper.findAll('input[type="radio"]').filter(radio => (radio.element as HTMLInputElement).checked)
    expect(checked.map(radio => text(radio.element.closest('label')))).toEqual(['1 star & up (40)'])
  })

  it('offers exactly the minimums a listing URL may ask for, so a filtered listing always shows its choice', async () => {
    const wrapper = await mountSuspended(CatalogRatingFilter, { props: {} })
    const values = wrapper.findAll('input[type="radio"]').map(radio => (radio.element as HTMLInputElement).value).filter(Boolean).map(Number)
    expect(values).toEqual([...MIN_RATINGS])
  })
})
