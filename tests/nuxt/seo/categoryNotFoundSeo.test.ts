import { describe, expect, it } from 'vitest'
import { useCatalogListing } from '~/composables/catalog/useCatalogListing'
import { useCatalogListingSeo } from '~/composables/seo/useCatalogListingSeo'
import { categoryPath } from '~/utils/routes/paths'
import { productPage, seed } from '../../support/fixtures'
import { renderedHead } from '../../support/head'
import { mountComposable } from '../../support/nuxt'
import { settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'

// Its own file: the test Nuxt app keeps the link tags of the first head it renders, so a canonical written by an
// earlier test in the same file would still be in the document. The server's 404 is in
// tests/integration/seo/pageMetadata.test.ts.

const fake = useFakeApi()

describe('an unknown category in the browser', () => {
  it('titles an unknown category "Category not found", without a canonical claiming its address, and noindex', async () => {
    // In the browser too: a link or a typed address reaches an unknown category by client navigation.
    fake.current.on('GET', '/categories/', seed.categoryDtos())
    await mountComposable(async () => {
      const listing = await useCatalogListing({ fixed: () => ({ category: 'no-such-category' }) })
      const unknown = () => listing.categories.status.value === 'success' && !listing.categories.find('no-such-category')
      return useCatalogListingSeo(listing, { name: 'Category', path: categoryPath('no-such-category'), categorySlug: 'no-such-category', notFound: unknown })
    }, { route: categoryPath('no-such-category') })
    fake.current.callsTo('/products/')[0]!.resolve(productPage([], null))
    await settle()
    const head = await renderedHead(h => h.title.startsWith('Category') && h.meta('robots') !== null)
    expect(head.title).toBe('Category not found · Storefront')
    expect(head.link('canonical')).toBeNull()
    expect(head.meta('robots')).toBe('noindex, follow')
  })
})
