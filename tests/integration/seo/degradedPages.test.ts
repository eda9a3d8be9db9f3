import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { formatCount } from '~/utils/format/count'
import { productPath } from '~/utils/routes/paths'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'
import { startStorefront, type Running } from '../server/support/processes'
import { metaContent, parseHtml } from './support/html'

// Raw server HTML of pages whose backend failed in part or in whole (the demo's fault injection), and of the
// empty and unknown ones beside them: what a crawler and a screen reader get before any JavaScript runs.

// More than a thousand, so the counts have a thousands separator.
const PRODUCTS = 1_200
let api: RunningDemoApi
let web: Running

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: PRODUCTS, faults: true })
  web = await startStorefront({
    apiBase: api.url,
    siteUrl: 'http://shop.test',
    // No shared unfiltered facets (a fault would reach only the first render), no breaker opened by the faults,
    // quick retries (the render retries a 503 twice before giving up).
    env: { NUXT_SHARED_READS_TTL_S: '0', NUXT_PUBLIC_API_BREAKER_FAILURE_THRESHOLD: '100000', NUXT_PUBLIC_API_RETRY_BASE_DELAY_MS: '50' },
  })
})

afterAll(async () => {
  await web?.stop()
  await api?.close()
})

beforeEach(async () => {
  await fetch(`${api.url}/__faults/`, { method: 'DELETE' })
})

async function fail(pathPattern: string): Promise<void> {
  const response = await fetch(`${api.url}/__faults/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path_pattern: pathPattern, status: 503 }) })
  if (!response.ok) throw new Error(`fault not added: ${response.status}`)
}

async function page(path: string) {
  const response = await fetch(`${web.url}${path}`, { redirect: 'manual' })
  return { status: response.status, headers: response.headers, doc: parseHtml(await response.text(), `${web.url}${path}`) }
}

/** A brand whose name is not its slug, with products. */
function brandWithProducts() {
  const { brands, products } = api.backend.db
  const brand = brands.find(b => b.name !== b.slug && products.some(p => p.brandId === brands.indexOf(b) + 1))
  if (!brand) throw new Error('seed has no brand named apart from its slug')
  return brand
}

/** The Brand fieldset's boxes, as their labels read. */
function brandLabels(doc: Document): string[] {
  const fieldset = [...doc.querySelectorAll('fieldset')].find(f => f.querySelector('legend')?.textContent?.trim() === 'Brand')
  return [...fieldset?.querySelectorAll('label') ?? []].map(label => (label.textContent ?? '').replace(/\s+/g, ' ').trim())
}

const productPagesNav = (doc: Document) => doc.querySelector('nav[aria-label="Product pages"]')

describe('a listing filtered by brand while the filter counts fail', () => {
  it('names the brand, not its slug, in the title, the description and the box, with no count', async () => {
    const brand = brandWithProducts()
    await fail('/products/facets/')
    const { status, headers, doc } = await page(`/products?brand=${brand.slug}`)
    expect(status).toBe(200)
    expect(headers.get('x-page-degraded')).toBe('facets')

    expect(doc.title).toBe(`All products – ${brand.name} · Storefront`)
    expect(metaContent(doc, 'description')).toContain(`(${brand.name})`)
    expect(metaContent(doc, 'description')).not.toContain(`(${brand.slug})`)
    // Counts unknown: no count at all, not "(0)".
    expect(brandLabels(doc)).toEqual([brand.name])
    const box = doc.querySelector<HTMLInputElement>(`input[name="brand"][value="${brand.slug}"]`)
    expect(box?.hasAttribute('checked')).toBe(true)
  })

  it('shows the ticked brand without a count on the 503 page of a full outage', async () => {
    const brand = brandWithProducts()
    await fail('/products/*')
    // Another address than the test before's, whose partial page the page cache keeps for a few seconds.
    const { status, doc } = await page(`/products?brand=${brand.slug}&in_stock=1`)
    expect(status).toBe(503)
    const [label] = brandLabels(doc)
    expect(label).toBeDefined()
    expect(label).not.toMatch(/\(\d+\)/)
  })
})

describe('the product page while the backend is down', () => {
  it('has a level-one heading over the failure', async () => {
    const product = api.backend.db.products[0]!
    await fail('/products/*')
    const { status, doc } = await page(productPath(product))
    expect(status).toBe(503)
    const main = doc.querySelector('main')
    expect(main?.querySelector('[role="alert"]')).not.toBeNull()
    expect(main?.querySelectorAll('h1')).toHaveLength(1)
    expect(main?.querySelector('h1')?.textContent?.trim()).toBe('Product')
  })
})

describe('the pager between component pages', () => {
  it('is no landmark on a listing with no results', async () => {
    const { status, doc } = await page('/products?min_price=99999')
    expect(status).toBe(200)
    expect(doc.querySelector('main')?.textContent).toContain('0 products')
    expect(productPagesNav(doc)).toBeNull()
  })

  it('is no landmark on a listing that failed', async () => {
    await fail('/products/*')
    const { status, doc } = await page('/products?in_stock=1')
    expect(status).toBe(503)
    expect(productPagesNav(doc)).toBeNull()
  })

  it('is there with its link on a listing with more pages', async () => {
    const { doc } = await page('/products')
    expect(productPagesNav(doc)?.querySelector('a[rel="next"]')).not.toBeNull()
  })
})

describe('listing descriptions', () => {
  it('write the count as the page does', async () => {
    const all = await page('/products')
    expect(all.doc.querySelector('main')?.textContent).toContain(`${formatCount(PRODUCTS)} products`)
    expect(metaContent(all.doc, 'description')).toMatch(new RegExp(`^Shop ${formatCount(PRODUCTS)} products `))

    // A category with a thousand products or more would be two in this seed at most; any category's count is
    // written as its page writes it.
    const { categories, products } = api.backend.db
    const root = categories.find(c => !c.parentId)!
    const category = await page(`/categories/${root.slug}`)
    const shown = category.doc.querySelector('main [aria-live="polite"]')?.textContent?.trim() ?? ''
    expect(shown).toMatch(/^[\d,]+ products?$/)
    expect(metaContent(category.doc, 'description')).toContain(`Shop ${shown.replace(/ products?$/, '')} ${root.name.toLowerCase()} products`)
    expect(products.length).toBe(PRODUCTS)
  })
})

describe('the unknown product page', () => {
  it('says what happened in a sentence, as the other 404 pages do', async () => {
    const { status, doc } = await page('/products/999999-nope')
    expect(status).toBe(404)
    const main = doc.querySelector('main')
    expect(main?.querySelector('h1')?.textContent?.trim()).toBe('We could not find this product')
    const sentence = [...main?.querySelectorAll('p') ?? []].map(p => p.textContent?.trim() ?? '').find(text => text.includes('mistyped'))
    expect(sentence).toMatch(/^The address may be mistyped, or the product is no longer available\./)
    expect(main?.querySelector('a[href="/products"]')?.textContent?.trim()).toBe('Browse all products')
  })
})
