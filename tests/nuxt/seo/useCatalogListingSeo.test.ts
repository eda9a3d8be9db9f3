import { describe, expect, it } from 'vitest'
import { useCatalogListing } from '~/composables/catalog/useCatalogListing'
import { useCatalogListingSeo } from '~/composables/seo/useCatalogListingSeo'
import { PRODUCTS_PATH } from '~/utils/routes/paths'
import { productPage } from '../../support/fixtures'
import { renderedHead } from '../../support/head'
import { mountComposable } from '../../support/nuxt'
import { settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'

const SITE = 'http://localhost:3000'
const fake = useFakeApi()
const listCalls = () => fake.current.callsTo('/products/')

/** The /products page's listing and its SEO, at `url`, with the list's first page answered. */
async function listingAt(url: string, firstPage: { ids: number[], next: string | null }) {
  const { result } = await mountComposable(async () => {
    const listing = await useCatalogListing()
    return { listing, pager: useCatalogListingSeo(listing, { name: 'All products', path: PRODUCTS_PATH }) }
  }, { route: url })
  listCalls()[0]!.resolve(productPage(firstPage.ids, firstPage.next))
  await settle()
  return result
}

describe('useCatalogListingSeo', () => {
  it('on the first page: no previous link, and a next link that needs no `from`', async () => {
    const { pager } = await listingAt(PRODUCTS_PATH, { ids: [1, 2, 3], next: 'c2' })
    expect(pager.value.previousPath).toBeNull()
    expect(pager.value.nextPath).toBe(`${PRODUCTS_PATH}?cursor=c2`)
    const head = await renderedHead(h => h.link('next') !== null)
    expect(head.title).toBe('All products · Storefront')
    expect(head.link('prev')).toBeNull()
  })

  it('on a page reached by a next link: previous is the page the link came from, next says where it comes from', async () => {
    const { pager } = await listingAt(`${PRODUCTS_PATH}?cursor=c3&from=c2`, { ids: [7, 8], next: 'c4' })
    expect(listCalls()[0]!.query.cursor).toBe('c3')
    expect(pager.value.previousPath).toBe(`${PRODUCTS_PATH}?cursor=c2`)
    expect(pager.value.nextPath).toBe(`${PRODUCTS_PATH}?cursor=c4&from=c3`)
    const head = await renderedHead(h => h.link('prev') !== null)
    expect(head.link('prev')).toBe(`${SITE}${PRODUCTS_PATH}?cursor=c2`)
    // `from` is how the page was reached, not what it is: the canonical leaves it out.
    expect(head.link('canonical')).toBe(`${SITE}${PRODUCTS_PATH}?cursor=c3`)
    expect(head.title).toBe('All products (more) · Storefront')
  })

  it('on a page reached without `from` (a bookmark, the canonical): previous goes back to the first page', async () => {
    const { pager } = await listingAt(`${PRODUCTS_PATH}?cursor=c3`, { ids: [7, 8], next: null })
    expect(pager.value.previousPath).toBe(PRODUCTS_PATH)
    expect(pager.value.nextPath).toBeNull()
  })

  it('gives the address bar a URL for every page the list walked, each with the page before it', async () => {
    const { listing, pager } = await listingAt(`${PRODUCTS_PATH}?in_stock=1`, { ids: [1, 2], next: 'c2' })
    void listing.list.loadMore()
    listCalls()[1]!.resolve(productPage([3, 4], 'c3'))
    await settle()
    void listing.list.loadMore()
    listCalls()[2]!.resolve(productPage([5, 6], 'c4'))
    await settle()
    expect(pager.value.pages).toEqual([{ cursor: null, offset: 0 }, { cursor: 'c2', offset: 2 }, { cursor: 'c3', offset: 4 }])
    expect([0, 1, 2].map(pager.value.urlForPage)).toEqual([
      `${PRODUCTS_PATH}?in_stock=1`,
      `${PRODUCTS_PATH}?in_stock=1&cursor=c2`,
      `${PRODUCTS_PATH}?in_stock=1&cursor=c3&from=c2`,
    ])
    // The visible "next" link continues after everything loaded.
    expect(pager.value.nextPath).toBe(`${PRODUCTS_PATH}?in_stock=1&cursor=c4&from=c3`)
  })

  it('keeps filters that match nothing out of the index', async () => {
    // `?brand=` takes any slug, and the page names it: every made-up brand was one more indexable, self-canonical
    // page of nothing, titled with whatever the link said.
    await listingAt(`${PRODUCTS_PATH}?brand=buy-cheap-watches-here`, { ids: [], next: null })
    const filtered = await renderedHead(h => h.title.startsWith('All products – buy-cheap-watches-here'))
    expect(filtered.meta('robots')).toBe('noindex, follow')
  })

  it('leaves a filtered listing with products indexable', async () => {
    await listingAt(`${PRODUCTS_PATH}?brand=redcraft`, { ids: [1, 2], next: null })
    // Named as its products name it (the facets are not answered here): "Redcraft".
    const filtered = await renderedHead(h => h.title.startsWith('All products – Redcraft'))
    expect(filtered.meta('robots')).toBeNull()
  })

  // Crawl traps: every combination of filters and every typed price was another indexable, self-canonical page.
  it.each([
    ['two brands', 'brand=redcraft&brand=acme'],
    ['a price range', 'min_price=12.34'],
    ['a rating', 'rating=3'],
    ['availability', 'in_stock=1'],
    ['one brand and another filter', 'brand=redcraft&in_stock=1'],
    ['a component page of a filter combination', 'brand=redcraft&rating=4&cursor=c3'],
  ])('keeps a listing narrowed by %s out of the index, with no canonical, its links followed', async (_, query) => {
    // A next cursor of its own, so the head read is this listing's and not the one before.
    const next = encodeURIComponent(query)
    await listingAt(`${PRODUCTS_PATH}?${query}`, { ids: [1, 2], next })
    const head = await renderedHead(h => !!h.link('next')?.includes(`cursor=${encodeURIComponent(next)}`))
    expect(head.meta('robots')).toBe('noindex, follow')
    expect(head.link('canonical')).toBeNull()
  })

  it('keeps one brand (a landing page such as "Redcraft products") indexable and self-canonical, page by page', async () => {
    await listingAt(`${PRODUCTS_PATH}?brand=redcraft&cursor=c3&utm_source=mail`, { ids: [1, 2], next: 'landing' })
    const head = await renderedHead(h => !!h.link('next')?.includes('cursor=landing'))
    expect(head.meta('robots')).toBeNull()
    expect(head.link('canonical')).toBe(`${SITE}${PRODUCTS_PATH}?brand=redcraft&cursor=c3`)
  })

  it('points a sorted listing (the same products reordered) at the unsorted first page, and keeps it indexable', async () => {
    await listingAt(`${PRODUCTS_PATH}?brand=redcraft&sort=price-desc&page_size=50&cursor=c3`, { ids: [1, 2], next: 'sorted' })
    const head = await renderedHead(h => !!h.link('next')?.includes('cursor=sorted'))
    expect(head.meta('robots')).toBeNull()
    expect(head.link('canonical')).toBe(`${SITE}${PRODUCTS_PATH}?brand=redcraft`)
  })

  it('leaves an empty listing without filters (a category with nothing in it yet) indexable', async () => {
    await listingAt(PRODUCTS_PATH, { ids: [], next: null })
    const empty = await renderedHead(h => h.title === 'All products · Storefront')
    expect(empty.meta('robots')).toBeNull()
  })
})
