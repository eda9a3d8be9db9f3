import { describe, expect, it } from 'vitest'
import { groupOptions, optionFromSuggestion, type SuggestionOption } from '~/composables/search/suggestionOptions'
import { categoryPath, productPath } from '~/utils/routes/paths'

function row(kind: SuggestionOption['kind'], key: string, source: SuggestionOption['source'] = 'local'): SuggestionOption {
  return { key, kind, text: key, ranges: [], to: '/', product: null, source }
}

describe('groupOptions', () => {
  it('orders groups recent, searches, categories, brands, products and labels them', () => {
    const groups = groupOptions([row('product', 'product:1'), row('brand', 'brand:a'), row('query', 'query:q'), row('category', 'category:c'), row('recent', 'query:r')])
    expect(groups.map(g => g.label)).toEqual(['Recent searches', 'Searches', 'Categories', 'Brands', 'Products'])
  })

  it('keeps the first row for a key: server rows passed first win over local ones', () => {
    const groups = groupOptions([row('category', 'category:headphones', 'server'), row('category', 'category:headphones', 'local')])
    expect(groups[0]!.options.map(o => o.source)).toEqual(['server'])
  })

  it('shows a query that is also a recent search once, as the recent search', () => {
    const groups = groupOptions([row('query', 'query:lamp', 'server'), row('recent', 'query:lamp')])
    expect(groups.map(g => [g.kind, g.options.length])).toEqual([['recent', 1]])
  })

  it('caps each group', () => {
    const products = Array.from({ length: 9 }, (_, i) => row('product', `product:${i}`))
    expect(groupOptions(products)[0]!.options).toHaveLength(4)
  })
})

describe('optionFromSuggestion', () => {
  it('links each kind to its page and highlights the query literally', () => {
    expect(optionFromSuggestion({ kind: 'query', text: 'wireless headphones' }, 'wire')).toMatchObject({
      to: '/search?q=wireless%20headphones', ranges: [[0, 4]], key: 'query:wireless headphones',
    })
    expect(optionFromSuggestion({ kind: 'category', text: 'Headphones', slug: 'headphones' }, 'head').to).toBe(categoryPath('headphones'))
    expect(optionFromSuggestion({ kind: 'product', text: 'Oak Lamp', id: 7, slug: 'oak-lamp-7', product: null }, 'lamp').to).toBe(productPath({ id: 7, slug: 'oak-lamp-7' }))
  })
})
