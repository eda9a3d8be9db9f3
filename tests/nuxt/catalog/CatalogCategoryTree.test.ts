import { describe, expect, it } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import CatalogCategoryTree from '~/components/catalog/CatalogCategoryTree.vue'
import { buildCategoryTree, type Category } from '~/services/domain/category'
import { categoryPath, PRODUCTS_PATH } from '~/utils/routes/paths'

const categories: Category[] = [
  { id: 1, name: 'Audio', slug: 'audio', parentId: null },
  { id: 2, name: 'Headphones', slug: 'headphones', parentId: 1 },
  { id: 3, name: 'Speakers', slug: 'speakers', parentId: 1 },
  { id: 4, name: 'Kitchen', slug: 'kitchen', parentId: null },
]

async function mountTree(props: { active?: string, counts?: { slug: string, name: string, count: number }[] }) {
  return mountSuspended(CatalogCategoryTree, {
    props: { tree: buildCategoryTree(categories), linkFor: (slug: string | null) => (slug ? categoryPath(slug) : PRODUCTS_PATH), ...props },
  })
}

const linkNames = (wrapper: Awaited<ReturnType<typeof mountTree>>) => wrapper.findAll('a').map(link => link.text())

describe('CatalogCategoryTree', () => {
  it('names a category the current results leave out with (0), and does not link it to an empty page', async () => {
    const wrapper = await mountTree({ active: 'headphones', counts: [{ slug: 'audio', name: 'Audio', count: 3 }, { slug: 'headphones', name: 'Headphones', count: 3 }] })
    expect(linkNames(wrapper)).toEqual(['All categories', 'Audio (3)', 'Headphones (3)'])
    expect(wrapper.text()).toContain('Speakers (0)')
    expect(wrapper.text()).toContain('Kitchen (0)')
  })

  it('keeps the chosen category and the branch holding it as links even when they have no results', async () => {
    const wrapper = await mountTree({ active: 'speakers', counts: [{ slug: 'kitchen', name: 'Kitchen', count: 5 }] })
    expect(linkNames(wrapper)).toEqual(['All categories', 'Audio', 'Speakers', 'Kitchen (5)'])
    expect(wrapper.get('a[aria-current="page"]').text()).toBe('Speakers')
  })

  it('links every category when there are no counts (none sent, or their request failed)', async () => {
    const wrapper = await mountTree({ counts: [] })
    expect(linkNames(wrapper)).toEqual(['All categories', 'Audio', 'Kitchen'])
  })
})
