import { describe, expect, it } from 'vitest'
import { buildCategoryTree, categoryAncestry, type Category } from '~/services/domain/category'
import { facetResultCount } from '~/services/domain/facets'

const categories: Category[] = [
  { id: 1, slug: 'home', name: 'Home', parentId: null },
  { id: 2, slug: 'kitchen', name: 'Kitchen', parentId: 1 },
  { id: 3, slug: 'mugs', name: 'Mugs', parentId: 2 },
  { id: 4, slug: 'garden', name: 'Garden', parentId: null },
  { id: 5, slug: 'orphan', name: 'Orphan', parentId: 99 },
]

describe('category tree', () => {
  it('nests children under their parents and keeps orphans visible at the top', () => {
    const tree = buildCategoryTree(categories)
    expect(tree.map(n => n.slug)).toEqual(['home', 'garden', 'orphan'])
    expect(tree[0]!.children[0]!.children[0]!.slug).toBe('mugs')
  })

  it('gives the root-first path to a category', () => {
    expect(categoryAncestry(categories, 'mugs').map(c => c.slug)).toEqual(['home', 'kitchen', 'mugs'])
    expect(categoryAncestry(categories, 'nope')).toEqual([])
  })

  it('survives a cyclic tree', () => {
    const cyclic: Category[] = [{ id: 1, slug: 'a', name: 'A', parentId: 2 }, { id: 2, slug: 'b', name: 'B', parentId: 1 }]
    expect(categoryAncestry(cyclic, 'a').length).toBeLessThanOrEqual(3)
  })
})

describe('result count from facets', () => {
  const facets = {
    categories: [],
    brands: [{ slug: 'a', name: 'A', count: 5 }, { slug: 'b', name: 'B', count: 7 }],
    price: { min: null, max: null },
    ratings: [],
  }
  it('sums all brands, or only the selected ones', () => {
    expect(facetResultCount(facets)).toBe(12)
    expect(facetResultCount(facets, ['b'])).toBe(7)
  })
})
