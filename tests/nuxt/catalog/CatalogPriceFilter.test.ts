import { describe, expect, it } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import CatalogPriceFilter from '~/components/catalog/CatalogPriceFilter.vue'

describe('CatalogPriceFilter', () => {
  it('applies a range typed the way shoppers write prices, in minor units, on Enter', async () => {
    const wrapper = await mountSuspended(CatalogPriceFilter, { props: { bounds: { min: 350, max: 59200 } } })
    const [min, max] = wrapper.findAll('input')
    await min!.setValue('$ 20')
    await max!.setValue('1,250')
    await max!.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('change')).toEqual([[{ minPrice: 2000, maxPrice: 125000 }]])
    expect(wrapper.get('[aria-live="polite"]').text()).toBe('')
    expect(min!.attributes('aria-invalid')).toBeUndefined()
  })

  it('refuses a minimum above the maximum with a message, and keeps what was typed', async () => {
    const wrapper = await mountSuspended(CatalogPriceFilter, { props: { bounds: { min: 350, max: 59200 } } })
    const [min, max] = wrapper.findAll('input')
    await min!.setValue('100')
    await max!.setValue('50')
    await max!.trigger('blur')
    expect(wrapper.emitted('change')).toBeUndefined()
    const message = wrapper.get('[aria-live="polite"]')
    expect(message.text()).toBe('Minimum is above maximum.')
    expect(max!.attributes('aria-invalid')).toBe('true')
    expect(max!.attributes('aria-describedby')).toBe(message.attributes('id'))
    expect([(min!.element as HTMLInputElement).value, (max!.element as HTMLInputElement).value]).toEqual(['100', '50'])

    // Fixed: applied, and the message goes.
    await max!.setValue('150')
    await max!.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('change')).toEqual([[{ minPrice: 10000, maxPrice: 15000 }]])
    expect(message.text()).toBe('')
  })

  it('says how to write a price it cannot read, and applies nothing', async () => {
    const wrapper = await mountSuspended(CatalogPriceFilter, { props: { bounds: { min: 350, max: 59200 } } })
    const [min] = wrapper.findAll('input')
    await min!.setValue('19,99')
    await min!.trigger('blur')
    expect(wrapper.emitted('change')).toBeUndefined()
    expect(wrapper.get('[aria-live="polite"]').text()).toBe('Enter prices like 19.99.')
  })
})
