import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createStorage } from 'unstorage'
import { parseQuery, stringifyQuery } from 'vue-router'
import type { CatalogSource } from '~/server/utils/seo/sitemap/catalogSource'
import { createSitemapBuilds } from '~/server/utils/seo/sitemap/sitemapBuilds'
import { sitemapService } from '~/server/utils/seo/sitemap/sitemapService'
import { robotsTxt } from '~/server/utils/seo/robotsTxt'
import type { ProductQuery } from '~/services/domain/product'
import { facetDisallowPatterns } from '~/utils/routes/facetCrawling'
import { canonicalListingPath, isLandingListing, listingPagePath, type RawQuery } from '~/utils/routes/listingPages'
import { toListingQuery } from '~/utils/routes/listingQuery'
import { crawlerExcludedPrefixes } from '~/utils/routes/policy'
import { robotsAllows } from '../../../support/robotsRules'

// Faceted navigation: robots.txt keeps crawlers off the listing URLs that are never indexed (noindex, follow), and
// off nothing the sitemap lists or a landing listing (no filter, one brand) is, nor any canonical such a page names.

const SITE = 'https://shop.example'
const allows = robotsAllows(robotsTxt({ siteUrl: SITE, disallow: crawlerExcludedPrefixes(), disallowListings: facetDisallowPatterns() }))

/** Every combination of the values given for each key (an empty list: the key left out). */
function combinations(choices: Record<string, readonly unknown[]>): Array<Record<string, unknown>> {
  return Object.entries(choices).reduce<Array<Record<string, unknown>>>(
    (all, [key, values]) => all.flatMap(partial => [partial, ...values.map(value => ({ ...partial, [key]: value }))]),
    [{}],
  )
}

/** A listing's query as the storefront writes it: the filter panel's address (vue-router) and the pager's links. */
function listingUrls(path: string, query: ProductQuery, extra: { cursor?: string, from?: string, pageSize?: number }): string[] {
  const raw = toListingQuery({ query, cursor: extra.cursor ?? null, from: extra.from ?? null, pageSize: extra.pageSize })
  const routed = stringifyQuery(raw)
  return [routed ? `${path}?${routed}` : path, listingPagePath(path, raw as RawQuery, extra.cursor ?? null, extra.from ?? null)]
}

describe('robots.txt and faceted navigation', () => {
  it('reads robots.txt as Google does (the reader these tests use)', () => {
    const read = robotsAllows('User-agent: *\nAllow: /\nDisallow: /*?a=\nAllow: /*?a=ok$\nDisallow: /x\n')
    expect([read('/p'), read('/p?a=1'), read('/p?a=ok'), read('/p?a=okay'), read('/x/y'), read('/y?b=1&a=1')]).toEqual([true, false, true, false, false, true])
  })

  it('allows every URL the sitemap lists', async () => {
    const source: CatalogSource = {
      productPage: async () => ({ products: [{ id: 1, slug: 'mug', updatedAt: null }, { id: 2, slug: 'q-and-a-rating-kit', updatedAt: null }], nextCursor: null }),
      categorySlugs: async () => ['headphones', 'in-stock-deals'],
    }
    const file = await sitemapService({ source, storage: createStorage(), siteUrl: SITE, chunkSize: 1000, builds: createSitemapBuilds() }).root()
    const locs = [...gunzipSync(file!).toString('utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(match => new URL(match[1]!))
    expect(locs.length).toBe(7)
    expect(locs.filter(url => !allows(url.pathname + url.search)).map(String)).toEqual([])
  })

  it('disallows exactly the listings that are never indexed, and no canonical a listing names', () => {
    const queries = combinations({
      search: ['mug'], brands: [['acme'], ['acme', 'zest'], ['acme', 'kite', 'zest']], minPrice: [1000], maxPrice: [5000],
      minRating: [4], inStock: [true], sort: ['price-asc'],
    }) as ProductQuery[]
    const pages = combinations({ cursor: ['cD0yMDI0'], pageSize: [48] }).flatMap(page => (page.cursor ? [page, { ...page, from: 'cD0xMA' }] : [page]))
    const wrong: string[] = []
    let landing = 0
    for (const path of ['/products', '/categories/headphones']) {
      for (const query of queries) {
        for (const page of pages) {
          for (const url of listingUrls(path, query, page)) {
            const raw = parseQuery(url.split('?')[1] ?? '') as RawQuery
            const indexable = isLandingListing(raw)
            if (allows(url) !== indexable) wrong.push(`${url}: ${indexable ? 'landing, disallowed' : 'never indexed, allowed'}`)
            if (indexable && !allows(canonicalListingPath(path, raw))) wrong.push(`${url}: its canonical ${canonicalListingPath(path, raw)} is disallowed`)
            if (indexable) landing++
          }
        }
      }
    }
    expect(wrong).toEqual([])
    // Landing listings were there: 2 paths × (no brand, one brand) × (unsorted, sorted) × 6 of page, size and `from`,
    // each spelled 2 ways; the other 3,000-odd were not.
    expect(landing).toBe(2 * 2 * 2 * 6 * 2)
  })

  it('names each parameter as a whole, not another parameter ending the same way', () => {
    expect(allows('/products?faq=1&rainstock=1&cmax_price=2')).toBe(true)
    expect(allows('/products?sort=rating&brand=acme')).toBe(true)
    expect(allows('/products?sort=rating&rating=4')).toBe(false)
  })
})
