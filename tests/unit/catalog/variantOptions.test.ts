import { describe, expect, it } from 'vitest'
import { applyChoice, findVariant, isOptionAvailable, optionGroups } from '~/composables/catalog/variantOptions'
import type { ProductVariant } from '~/services/domain/product'

const usd = (amount: number) => ({ amount, currency: 'USD' })
const variants: ProductVariant[] = [
  { id: 1, sku: 'N-S', options: { colour: 'Navy', size: 'S' }, price: usd(1000), inStock: true },
  { id: 2, sku: 'N-M', options: { colour: 'Navy', size: 'M' }, price: usd(1000), inStock: false },
  { id: 3, sku: 'R-M', options: { colour: 'Red', size: 'M' }, price: usd(1200), inStock: true },
]

describe('variant options', () => {
  it('groups option values in first-seen order', () => {
    expect(optionGroups(variants)).toEqual([{ name: 'colour', values: ['Navy', 'Red'] }, { name: 'size', values: ['S', 'M'] }])
  })

  it('finds a variant only when every option is chosen', () => {
    expect(findVariant(variants, { colour: 'Navy' })).toBeUndefined()
    expect(findVariant(variants, { colour: 'Red', size: 'M' })?.id).toBe(3)
  })

  it('keeps compatible choices and drops the ones no variant has', () => {
    expect(applyChoice(variants, { colour: 'Navy' }, 'size', 'M')).toEqual({ colour: 'Navy', size: 'M' })
    expect(applyChoice(variants, { colour: 'Navy', size: 'S' }, 'colour', 'Red')).toEqual({ colour: 'Red' })
  })

  it('says which values are in stock with the other choices', () => {
    expect(isOptionAvailable(variants, { colour: 'Navy' }, 'size', 'M')).toBe(false)
    expect(isOptionAvailable(variants, { colour: 'Red' }, 'size', 'M')).toBe(true)
    expect(isOptionAvailable(variants, {}, 'size', 'M')).toBe(true)
  })
})
