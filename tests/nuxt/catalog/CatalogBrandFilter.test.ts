import { describe, expect, it } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import CatalogBrandFilter from '~/components/catalog/CatalogBrandFilter.vue'

const BRANDS = [
  { slug: 'acme', name: 'Acme', count: 40 },
  { slug: 'bolt', name: 'Bolt', count: 30 },
  { slug: 'cora', name: 'Cora', count: 20 },
  { slug: 'dune', name: 'Dune', count: 10 },
]

describe('CatalogBrandFilter', () => {
  it('keeps every row where it was when a box is ticked and when the counts change with the results', async () => {
    const wrapper = await mountSuspended(CatalogBrandFilter, { props: { brands: BRANDS, selected: [], visible: 8 } })
    const names = () => wrapper.findAll('label').map(label => label.find('span').text())
    expect(names()).toEqual(['Acme', 'Bolt', 'Cora', 'Dune'])
    const dune = wrapper.findAll('input[type="checkbox"]')[3]!
    await dune.setValue(true)
    expect(wrapper.emitted('change')).toEqual([[['dune']]])
    // The listing answers: Dune ticked, the other brands' counts within it.
    await wrapper.setProps({ selected: ['dune'], brands: BRANDS.map(b => ({ ...b, count: b.slug === 'dune' ? 10 : 50 - b.count })) })
    expect(names()).toEqual(['Acme', 'Bolt', 'Cora', 'Dune'])
    // The same element, so a focused box keeps the focus.
    expect(wrapper.findAll('input[type="checkbox"]')[3]!.element).toBe(dune.element)
  })

  it('collapsed: the biggest brands, plus any ticked or touched further down; new brands go to the end', async () => {
    const wrapper = await mountSuspended(CatalogBrandFilter, { props: { brands: BRANDS, selected: ['dune'], visible: 2 } })
    const names = () => wrapper.findAll('label').map(label => label.find('span').text())
    expect(names()).toEqual(['Acme', 'Bolt', 'Dune'])
    // Unticked here: it stays in view rather than vanishing from under the shopper.
    await wrapper.findAll('input[type="checkbox"]')[2]!.setValue(false)
    await wrapper.setProps({ selected: [] })
    expect(names()).toEqual(['Acme', 'Bolt', 'Dune'])
    await wrapper.setProps({ brands: [{ slug: 'zeta', name: 'Zeta', count: 99 }, ...BRANDS] })
    await wrapper.get('button').trigger('click')
    expect(names()).toEqual(['Acme', 'Bolt', 'Cora', 'Dune', 'Zeta'])
  })
})
