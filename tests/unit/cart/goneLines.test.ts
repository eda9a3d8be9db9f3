import { describe, expect, it } from 'vitest'
import type { ProductDetail } from '~/services/domain/product'
import { cartGoneMessage } from '~/composables/cart/cartGoneMessage'
import { noLongerSold, vanishedLines, type CartSnapshot, type SeenLine } from '~/stores/cart/goneLines'
import { apiError } from '../../support/fakeApi'

// Which vanished cart lines are "no longer available" (stores/cart/goneLines.ts): the catalog decides, and anything
// short of a clear answer is the quieter outcome.
const plain: SeenLine = { productId: 1, variantId: null, title: 'Mug', options: {} }
const navyM: SeenLine = { productId: 2, variantId: 21, title: 'Tee', options: { colour: 'Navy', size: 'M' } }
const product = (variantIds: number[]) => ({ variants: variantIds.map(id => ({ id })) }) as unknown as ProductDetail

describe('lines no longer sold', () => {
  it('are those whose product is 404, or whose variant the product no longer lists', async () => {
    const answers: Record<number, () => Promise<ProductDetail>> = {
      1: () => Promise.reject(apiError(404, 'Not found.')),
      2: () => Promise.resolve(product([22, 23])),
    }
    expect(await noLongerSold([plain, navyM], id => answers[id]!())).toEqual([plain, navyM])
    expect(cartGoneMessage(navyM)).toBe('Tee (Navy / M) is no longer available and was removed from your cart.')
  })

  it('leave out a product still sold, and one the catalog could not answer for', async () => {
    const answers: Record<number, () => Promise<ProductDetail>> = {
      1: () => Promise.reject(apiError(503, 'Service temporarily unavailable.')),
      2: () => Promise.resolve(product([21])),
    }
    expect(await noLongerSold([plain, navyM], id => answers[id]!())).toEqual([])
  })

  it('are looked for among the lines seen before that the next cart lacks, but for those removed here', () => {
    const previous: CartSnapshot = { '1:': plain, '2:21': navyM }
    expect(vanishedLines(previous, { '2:21': navyM }, new Set())).toEqual([plain])
    expect(vanishedLines(previous, {}, new Set(['1:']))).toEqual([navyM])
  })
})
