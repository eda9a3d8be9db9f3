import { describe, expect, it } from 'vitest'
import { DRF_VARIANTS_PROFILE } from '~/tests/mocks/profile'
import { useBuiltStack } from '../server/support/builtStack'
import { resultProductIds } from '../seo/support/componentPages'
import { metaContent, parseHtml } from '../seo/support/html'

// A listing link naming a brand the shop no longer has, served by a backend that refuses it as django-filter does
// (the drf-variants demo: 400 `{"brand": ["Select a valid choice. gone is not one of the available choices."]}`).
// The server render shows the listing without that brand (200) and says so; its metadata is the corrected URL's: a
// landing listing (one brand) is canonical to itself without the refused brands, a faceted one is noindex.

const stack = useBuiltStack({ seedProducts: 120, profile: DRF_VARIANTS_PROFILE })

describe('server render of a listing URL whose filters the backend refuses', () => {
  it('the backend refuses the brand (so this test shows the storefront\'s answer, not the demo\'s)', async () => {
    const response = await fetch(`${stack.api.url}/products/?brand=gone&in_stock=true`)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ brand: ['Select a valid choice. gone is not one of the available choices.'] })
  })

  it('renders the in-stock products without the brand (200), says the brand was left out, noindex as any in-stock listing', async () => {
    const url = `${stack.web.url}/products?brand=gone&in_stock=1`
    const response = await fetch(url, { redirect: 'manual' })
    expect(response.status).toBe(200)
    const html = await response.text()
    const doc = parseHtml(html, url)
    const statuses = [...doc.querySelectorAll('[role="status"]')].map(region => region.textContent?.trim())
    expect(statuses).toContain('The brand ‘gone’ is no longer available, so it was left out.')
    expect(html).not.toContain('We could not load')
    // What is left, `?in_stock=1`, is no landing page (faceted navigation, docs/seo-and-caching.md): no canonical.
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull()
    expect(metaContent(doc, 'robots')).toBe('noindex, follow')
    // The filter panel is drawn from the corrected query: only "In stock only" is checked. A checked box for the refused
    // brand would be taken by hydration for the shopper's own input and written back into the address.
    expect([...doc.querySelectorAll('input[type="checkbox"][checked]')]).toHaveLength(1)

    const ids = resultProductIds(doc)
    expect(ids.length).toBeGreaterThan(0)
    const inStock = new Set(stack.api.backend.db.products.filter(product => product.stock > 0).map(product => product.id))
    expect(ids.filter(id => !inStock.has(id))).toEqual([])
  })

  it('the backend names one refused brand per answer, as django-filter does (so it takes more than one answer)', async () => {
    const response = await fetch(`${stack.api.url}/products/?brand=gone1&brand=gone2`)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ brand: ['Select a valid choice. gone1 is not one of the available choices.'] })
  })

  it('leaves out every refused brand of a link, keeps the brand the shop has, names them all, canonical without them', async () => {
    const kept = [...stack.api.backend.db.brandBySlug.values()].find(brand => stack.api.backend.db.products.some(product => product.brandId === brand.id && product.stock > 0))!
    const url = `${stack.web.url}/products?brand=gone1&brand=${kept.slug}&brand=gone2`
    const response = await fetch(url, { redirect: 'manual' })
    expect(response.status).toBe(200)
    const html = await response.text()
    const doc = parseHtml(html, url)
    const statuses = [...doc.querySelectorAll('[role="status"]')].map(region => region.textContent?.trim())
    expect(statuses).toContain('The brands ‘gone1’ and ‘gone2’ are no longer available, so they were left out.')
    expect(html).not.toContain('We could not load')
    // One brand is left: a landing listing, canonical to itself without the refused ones, and indexable.
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`http://shop.test/products?brand=${kept.slug}`)
    expect(metaContent(doc, 'robots')).toBeNull()

    const ids = resultProductIds(doc)
    expect(ids.length).toBeGreaterThan(0)
    const matching = new Set(stack.api.backend.db.products.filter(product => product.brandId === kept.id).map(product => product.id))
    expect(ids.filter(id => !matching.has(id))).toEqual([])
  })

  it('leaves out a category of a search the same way, keeping the search term', async () => {
    const url = `${stack.web.url}/search?q=a&category=gone`
    const response = await fetch(url, { redirect: 'manual' })
    expect(response.status).toBe(200)
    const doc = parseHtml(await response.text(), url)
    const statuses = [...doc.querySelectorAll('[role="status"]')].map(region => region.textContent?.trim())
    expect(statuses).toContain('The category ‘gone’ is no longer available, so it was left out.')
    expect(doc.querySelector('h1')?.textContent).toContain('Results for')
    expect(resultProductIds(doc).length).toBeGreaterThan(0)
  })
})
