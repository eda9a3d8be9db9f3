import { describe, expect, it } from 'vitest'
import type { ProductSummaryDto, SuggestionDto } from '~/services/dto'
import { rankProductRows, searchService } from '~/services/searchService'
import { toSuggestions } from '~/services/mappers/suggest'
import type { ProductSummary } from '~/services/domain/product'
import type { ProductSuggestion } from '~/services/domain/search'
import { createFakeApi } from '../../support/fakeApi'
import { cursorPage } from '../../support/fixtures'

function productDto(id: number, title: string): ProductSummaryDto {
  return {
    id, slug: `p-${id}`, title, price: '19.99', compare_at_price: null, currency: 'USD',
    image: { url: `http://img/${id}.svg`, alt: title, width: 800, height: 800 },
    rating: '4.5', reviews_count: 3, in_stock: true, brand: { slug: 'b', name: 'B' }, category: { slug: 'c', name: 'C' },
  }
}

function fakeApi(suggest: SuggestionDto[], preview: ProductSummaryDto[]) {
  const fake = createFakeApi({ unscripted: 'fail' })
    .on('GET', '/products/suggest/', suggest)
    .on('GET', '/products/', cursorPage(preview, null))
  return { api: fake.api, calls: () => fake.calls.map(call => ({ path: call.path, query: call.query })) }
}

const summary = (id: number): ProductSummary => ({
  id, slug: `p-${id}`, title: `P${id}`, price: { amount: 100, currency: 'USD' }, compareAtPrice: null,
  image: { url: '', alt: '', width: 1, height: 1 }, rating: 4, reviewsCount: 0, inStock: true,
  brand: { slug: 'b', name: 'B' }, category: { slug: 'c', name: 'C' },
})
const suggested = (id: number, product: ProductSummary | null = null): ProductSuggestion =>
  ({ kind: 'product', text: `S${id}`, id, slug: `p-${id}`, product })

describe('searchService.suggest', () => {
  it('asks suggest with q and the preview with the same search, best rated, 4 items', async () => {
    const { api, calls } = fakeApi([], [])
    await searchService(api).suggest('wireless')
    expect(calls()).toEqual([
      { path: '/products/suggest/', query: { q: 'wireless' } },
      { path: '/products/', query: expect.objectContaining({ search: 'wireless', ordering: '-rating', page_size: 4 }) },
    ])
  })

  it('keeps queries and categories in backend order and puts product rows last', async () => {
    const { api } = fakeApi(
      [{ type: 'query', text: 'wireless headphones' }, { type: 'product', text: 'A', id: 1, slug: 'a' }, { type: 'category', text: 'Chargers', slug: 'chargers' }],
      [productDto(1, 'A')],
    )
    const result = await searchService(api).suggest('wireless')
    expect(result.suggestions.map(s => `${s.kind}:${s.text}`)).toEqual(['query:wireless headphones', 'category:Chargers', 'product:A'])
    expect(result.suggestions[2]).toMatchObject({ product: { id: 1, price: { amount: 1999, currency: 'USD' } } })
  })
})

describe('searchService.suggest enrichment', () => {
  it('enriches a backend product the preview lacks from products the caller holds', async () => {
    const { api } = fakeApi([{ type: 'product', text: 'Held', id: 9, slug: 'p-9' }], [productDto(1, 'A')])
    const result = await searchService(api).suggest('x', { known: id => (id === 9 ? summary(9) : undefined) })
    expect(result.suggestions.map(s => s.kind === 'product' && [s.id, s.product?.id])).toEqual([[9, 9], [1, 1]])
  })
})

describe('rankProductRows', () => {
  it('enriched backend suggestions first, then preview products, then text-only suggestions, at most 4', () => {
    const rows = rankProductRows([suggested(1), suggested(2, summary(2)), suggested(3)], [summary(4), summary(2), summary(5), summary(6)])
    expect(rows.map(r => [r.id, r.product !== null])).toEqual([[2, true], [4, true], [5, true], [6, true]])
  })

  it('falls back to text-only suggestions when the preview is short', () => {
    const rows = rankProductRows([suggested(1), suggested(2)], [summary(7)])
    expect(rows.map(r => r.id)).toEqual([7, 1, 2])
  })
})

describe('toSuggestions', () => {
  it('drops entries that break the contract instead of rendering dead links', () => {
    const dtos = [
      { type: 'product', text: 'No id', slug: 'x' },
      { type: 'category', text: 'No slug' },
      { type: 'query', text: '   ' },
      { type: 'brand', text: 'Unknown type' },
      { type: 'query', text: ' lamp ' },
    ] as unknown as SuggestionDto[]
    expect(toSuggestions(dtos)).toEqual([{ kind: 'query', text: 'lamp' }])
  })
})
