import { describe, expect, it } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import CatalogBrandFilter from '~/components/catalog/CatalogBrandFilter.vue'
import type { ProductSummary } from '~/services/domain/product'

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

  it('keeps the box of a brand unticked after the other filters left it no products, under its name', async () => {
    const wrapper = await mountSuspended(CatalogBrandFilter, { props: { brands: BRANDS, selected: ['dune'], visible: 8 } })
    const names = () => wrapper.findAll('label').map(label => label.find('span').text())
    // A price filter leaves Dune no products: the facets no longer list it, and it is still shown, ticked, to untick.
    const withoutDune = BRANDS.filter(b => b.slug !== 'dune')
    await wrapper.setProps({ brands: withoutDune })
    expect(names()).toEqual(['Acme', 'Bolt', 'Cora', 'Dune'])
    const dune = wrapper.findAll('input[type="checkbox"]')[3]!
    await dune.setValue(false)
    expect(wrapper.emitted('change')).toEqual([[[]]])
    // The listing answers without it: its box (focused, if the keyboard unticked it) stays where it was.
    await wrapper.setProps({ selected: [], brands: withoutDune.map(b => ({ ...b, count: b.count + 1 })) })
    expect(names()).toEqual(['Acme', 'Bolt', 'Cora', 'Dune'])
    expect(wrapper.findAll('input[type="checkbox"]')[3]!.element).toBe(dune.element)
    expect((dune.element as HTMLInputElement).checked).toBe(false)
  })

  it('"Show fewer brands" that has nothing left to hide goes away with the focus on the last brand\'s box', async () => {
    const wrapper = await mountSuspended(CatalogBrandFilter, { props: { brands: BRANDS, selected: [], visible: 2 }, attachTo: document.body })
    await wrapper.get('button').trigger('click')
    // Every brand past the first two touched: collapsed, each stays in view, so there is nothing to show or hide.
    await wrapper.findAll('input[type="checkbox"]')[2]!.setValue(true)
    await wrapper.findAll('input[type="checkbox"]')[3]!.setValue(true)
    const fewer = wrapper.get('button')
    expect(fewer.text()).toBe('Show fewer brands')
    ;(fewer.element as HTMLButtonElement).focus()
    await fewer.trigger('click')
    expect(wrapper.find('button').exists()).toBe(false)
    expect(document.activeElement).toBe(wrapper.findAll('input[type="checkbox"]')[3]!.element)
    wrapper.unmount()
  })

  it('names a ticked brand by its products, with no count, while the counts are unknown', async () => {
    // The filter counts failed (a 200 naming "facets" in x-page-degraded): the listed products name their brand.
    const products = [{ id: 1, brand: { slug: 'oakfield', name: 'Oakfield' } }] as unknown as ProductSummary[]
    const wrapper = await mountSuspended(CatalogBrandFilter, { props: { brands: undefined, products, selected: ['oakfield', 'gone'] } })
    const labels = () => wrapper.findAll('label').map(label => label.findAll('span').map(span => span.text()).join(' '))
    // Neither count is known: none shown, not "(0)"; a brand nothing names keeps its slug.
    expect(labels()).toEqual(['Oakfield', 'gone'])
    // Counts that leave a ticked brand out do say something: none of its products match.
    await wrapper.setProps({ brands: BRANDS })
    expect(labels()).toEqual(['Acme (40)', 'Bolt (30)', 'Cora (20)', 'Dune (10)', 'Oakfield (0)', 'gone (0)'])
  })

  // The counts for new filters failed (useProductFacets gives none rather than the filters before's): the brands known
  // stay choices, where they were, without a count; they are not narrowed to the ticked ones.
  it('keeps every brand it knows, uncounted, when the counts become unknown', async () => {
    const wrapper = await mountSuspended(CatalogBrandFilter, { props: { brands: BRANDS.slice(0, 3), selected: ['bolt'], visible: 8 } })
    const labels = () => wrapper.findAll('label').map(label => label.findAll('span').map(span => span.text()).join(' '))
    await wrapper.setProps({ brands: undefined })
    expect(labels()).toEqual(['Acme', 'Bolt', 'Cora'])
    await wrapper.findAll('input[type="checkbox"]')[2]!.setValue(true)
    expect(wrapper.emitted('change')).toEqual([[['bolt', 'cora']]])
    await wrapper.setProps({ brands: BRANDS })
    expect(labels()).toEqual(['Acme (40)', 'Bolt (30)', 'Cora (20)', 'Dune (10)'])
  })
})
