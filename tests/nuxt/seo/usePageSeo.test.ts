import { describe, expect, it } from 'vitest'
import { usePageSeo } from '~/composables/seo/usePageSeo'
import { PRODUCTS_PATH, SEARCH_PATH } from '~/utils/routes/paths'
import { renderedHead } from '../../support/head'
import { mountComposable } from '../../support/nuxt'

const SITE = 'http://localhost:3000'

describe('usePageSeo', () => {
  it('writes title, description, an absolute canonical, Open Graph and neighbour links on a public page', async () => {
    await mountComposable(() => usePageSeo({
      title: 'All products', description: 'Every product.', canonicalPath: PRODUCTS_PATH, nextPath: `${PRODUCTS_PATH}?cursor=c2`,
    }), { route: PRODUCTS_PATH })
    const head = await renderedHead(h => h.title === 'All products · Storefront')
    expect(head.meta('description')).toBe('Every product.')
    expect(head.link('canonical')).toBe(`${SITE}${PRODUCTS_PATH}`)
    expect(head.meta('og:url')).toBe(`${SITE}${PRODUCTS_PATH}`)
    expect(head.link('next')).toBe(`${SITE}${PRODUCTS_PATH}?cursor=c2`)
    expect(head.link('prev')).toBeNull()
    expect(head.meta('robots')).toBeNull()
  })

  it('says noindex where the route policy keeps pages out of the index, whatever the page asks', async () => {
    await mountComposable(() => usePageSeo({ title: 'Search', description: 'Results.', canonicalPath: null }), { route: `${SEARCH_PATH}?q=mug` })
    const head = await renderedHead(h => h.title === 'Search · Storefront')
    expect(head.meta('robots')).toBe('noindex, follow')
    expect(head.link('canonical')).toBeNull()
  })

  it('says noindex for a public page that asks for it (an unknown category)', async () => {
    await mountComposable(() => usePageSeo({ title: 'Category', description: 'Gone.', canonicalPath: null, noindex: true }), { route: '/categories/gone' })
    const head = await renderedHead(h => h.title === 'Category · Storefront')
    expect(head.meta('robots')).toBe('noindex, follow')
  })
})
