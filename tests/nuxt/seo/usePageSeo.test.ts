import { afterEach, describe, expect, it } from 'vitest'
import { useRouter } from '#imports'
import { usePageSeo } from '~/composables/seo/usePageSeo'
import { PRODUCTS_PATH, SEARCH_PATH } from '~/utils/routes/paths'
import { renderedHead } from '../../support/head'
import { mountComposable } from '../../support/nuxt'

const SITE = 'http://localhost:3000'

/** A meta description as the server writes it into the head. */
function serverDescription(text: string): HTMLMetaElement {
  const meta = document.createElement('meta')
  meta.name = 'description'
  meta.content = text
  document.head.append(meta)
  return meta
}

/** A JSON-LD block as the server writes it into the head. */
function serverJsonLd(type: string): HTMLScriptElement {
  const script = document.createElement('script')
  script.type = 'application/ld+json'
  script.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': type })
  document.head.append(script)
  return script
}
const jsonLdInHead = () => document.head.querySelectorAll('script[type="application/ld+json"]').length

afterEach(() => {
  document.head.querySelectorAll('meta[name="description"], script[type="application/ld+json"]').forEach(tag => tag.remove())
})

describe('usePageSeo', () => {
  it('writes title, an absolute canonical and neighbour links in the browser; snippet and preview come from the server', async () => {
    await mountComposable(() => usePageSeo({
      title: 'All products', description: 'Every product.', canonicalPath: PRODUCTS_PATH, nextPath: `${PRODUCTS_PATH}?cursor=c2`,
    }), { route: PRODUCTS_PATH })
    const head = await renderedHead(h => h.title === 'All products · Storefront')
    expect(head.link('canonical')).toBe(`${SITE}${PRODUCTS_PATH}`)
    expect(head.link('next')).toBe(`${SITE}${PRODUCTS_PATH}?cursor=c2`)
    expect(head.link('prev')).toBeNull()
    expect(head.meta('robots')).toBeNull()
    // Description, Open Graph and Twitter tags are in the server's HTML (tests/integration/seo/pageMetadata.test.ts).
    expect(head.meta('description')).toBeNull()
    expect(head.meta('og:url')).toBeNull()
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

  it('writes no snippet or structured data in the browser, and drops the server ones when the address changes', async () => {
    const router = useRouter()
    const jsonLd = serverJsonLd('ItemList')
    const description = serverDescription('Every product.')
    const seo = { title: 'All products', description: 'Every product.', canonicalPath: PRODUCTS_PATH, jsonLd: [{ '@type': 'ItemList' }] }
    await mountComposable(() => usePageSeo(seo), { route: PRODUCTS_PATH })
    await renderedHead(h => h.title === 'All products · Storefront')
    // Hydrating changes nothing: the server's tags stay, and the browser adds none of its own.
    expect(jsonLd.isConnected && description.isConnected).toBe(true)
    expect(jsonLdInHead()).toBe(1)
    expect(document.head.querySelectorAll('meta[name="description"]')).toHaveLength(1)

    await router.push(`${PRODUCTS_PATH}?in_stock=1`)
    await renderedHead(() => jsonLdInHead() === 0)
    expect(description.isConnected).toBe(false)
  })

  it('drops the server snippet and structured data when the page is left', async () => {
    const jsonLd = serverJsonLd('Product')
    const description = serverDescription('A mug.')
    const { wrapper } = await mountComposable(() => usePageSeo({ title: 'Mug', description: 'A mug.', canonicalPath: '/products/1-mug' }), { route: '/products/1-mug' })
    expect(jsonLd.isConnected && description.isConnected).toBe(true)
    wrapper.unmount()
    expect(jsonLd.isConnected || description.isConnected).toBe(false)
  })
})
