import { afterAll, describe, expect, it } from 'vitest'
import type { CategoryDto, CursorPageDto, FacetsDto, ProductDetailDto, ProductSummaryDto, ReviewDto, SuggestionDto } from '../../services/dto'
import { expectDrfError } from './support/drfErrors'
import { listProducts } from './support/fixtures'
import { PAGE_PARAM, productPageStyle, SIZE_PARAM } from './support/pageStyle'
import { assertArrayOf, assertSchema } from './support/schema'
import { contractTarget } from './support/target'

const target = await contractTarget()
const { client } = target
const STYLE = await productPageStyle(client)
afterAll(() => target.close())

/**
 * GET /categories/ answered as one list, or in DRF pages when the backend paginates every list: the pages followed
 * by `next` to the end, and how many there were.
 */
async function readCategories(): Promise<{ categories: CategoryDto[], pages: number }> {
  const first = (await client.call<CategoryDto[] | CursorPageDto<CategoryDto>>('/categories/')).body
  if (Array.isArray(first)) return { categories: first, pages: 0 }
  assertSchema('CategoryPage', first)
  const categories = [...first.results]
  let next = first.next
  let pages = 1
  for (; next && pages < 50; pages++) {
    const page: CursorPageDto<CategoryDto> = (await client.call<CursorPageDto<CategoryDto>>(next)).body
    assertSchema('CategoryPage', page)
    categories.push(...page.results)
    next = page.next
  }
  expect(next).toBeNull()
  return { categories, pages }
}

const { categories, pages: categoryPages } = await readCategories()
const parent = categories.find(c => c.parent === null && categories.some(child => child.parent === c.id)) as CategoryDto
const children = categories.filter(c => c.parent === parent?.id)
const facets = (await client.call<FacetsDto>('/products/facets/')).body
const [brandA, brandB] = facets.brands

/** Every product of one (filtered) walk; pages of 100 keep it quick. */
async function all(query: string, limitPages = 200): Promise<ProductSummaryDto[]> {
  const items: ProductSummaryDto[] = []
  let url: string | null = `/products/?page_size=100&${query}`
  for (let i = 0; url && i < limitPages; i++) {
    const page: CursorPageDto<ProductSummaryDto> = (await client.call<CursorPageDto<ProductSummaryDto>>(url)).body
    items.push(...page.results)
    url = page.next
  }
  return items
}

describe('catalog: categories, products, reviews', () => {
  it('GET /categories/ is a tree of {id, slug, name, parent}, in one list or in pages that chain to the last', () => {
    assertArrayOf('Category', categories)
    expect(new Set(categories.map(c => c.id)).size).toBe(categories.length)
    // The demo's drf-variants profile paginates them as a global DEFAULT_PAGINATION_CLASS does; the standard one not.
    if (target.isLocalDemo) expect(categoryPages > 1).toBe(process.env.CONTRACT_DEMO_PROFILE === 'drf-variants')
    const ids = new Set(categories.map(c => c.id))
    expect(categories.every(c => c.parent === null || ids.has(c.parent))).toBe(true)
    expect(parent).toBeDefined()
    expect(children.length).toBeGreaterThan(0)
  })

  it('GET /products/{id}/ has the detail fields, with money as decimal strings', async () => {
    const [first] = (await listProducts(client, 'page_size=1')).results
    const response = await client.call<ProductDetailDto>(`/products/${first?.id}/`)
    expect(response.status).toBe(200)
    assertSchema('ProductDetail', response.body)
    expect(response.body.price).toMatch(/^\d+\.\d{2}$/)
    expect(response.body.id).toBe(first?.id)
  })

  it('a missing product is 404 {"detail": "Not found."}', async () => {
    const response = await client.call('/products/999999999/')
    expect(response.status).toBe(404)
    expectDrfError(response.body, 'Not found.', 'not_found')
  })

  it('reviews are a page (in the products\' pagination style), newest first', async () => {
    const [reviewed] = (await listProducts(client, 'page_size=50&min_rating=1')).results.filter(p => p.reviews_count > 3)
    const response = await client.call<CursorPageDto<ReviewDto>>(`/products/${reviewed?.id}/reviews/?${SIZE_PARAM[STYLE]}=3`)
    expect(response.status).toBe(200)
    assertSchema('ReviewPage', response.body)
    expect(response.body.results).toHaveLength(3)
    const dates = response.body.results.map(r => Date.parse(r.created_at))
    expect([...dates].sort((a, b) => b - a)).toEqual(dates)
    expect(new URL(response.body.next as string).searchParams.get(PAGE_PARAM[STYLE])).toBeTruthy()
  })

  it('product images are served at the absolute URL in the DTO', async () => {
    const [product] = (await listProducts(client, 'page_size=1')).results
    const response = await fetch(product?.image.url as string)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^image\//)
    expect(product?.image.width).toBeGreaterThan(0)
  })
})

describe('catalog: every filter returns only matching items', () => {
  it('category includes its descendants and nothing else', async () => {
    const allowed = new Set([parent.slug, ...children.map(c => c.slug)])
    const items = await all(`category=${parent.slug}`)
    expect(items.length).toBeGreaterThan(0)
    expect(items.filter(p => !allowed.has(p.category.slug))).toEqual([])
    expect(new Set(items.map(p => p.category.slug)).size).toBeGreaterThan(1)
  })

  it('brand is repeatable (any of the given brands)', async () => {
    const items = await all(`brand=${brandA?.slug}&brand=${brandB?.slug}`)
    expect(items.length).toBe((brandA?.count ?? 0) + (brandB?.count ?? 0))
    expect(items.filter(p => p.brand.slug !== brandA?.slug && p.brand.slug !== brandB?.slug)).toEqual([])
  })

  it('min_price and max_price are inclusive bounds', async () => {
    const items = await all('min_price=20.00&max_price=35.50')
    expect(items.length).toBeGreaterThan(0)
    expect(items.filter(p => Number(p.price) < 20 || Number(p.price) > 35.5)).toEqual([])
  })

  it('min_rating keeps ratings at or above it', async () => {
    const items = await all('min_rating=4.5')
    expect(items.length).toBeGreaterThan(0)
    expect(items.filter(p => Number(p.rating) < 4.5)).toEqual([])
  })

  it('in_stock=true keeps only products in stock', async () => {
    const items = await all('in_stock=true&ordering=-price', 20)
    expect(items.length).toBeGreaterThan(0)
    expect(items.filter(p => !p.in_stock)).toEqual([])
  })

  it('search matches every word in the title, brand or category', async () => {
    const [sample] = (await listProducts(client, 'page_size=1&ordering=title')).results
    const word = (sample?.title.split(' ').pop() ?? '').toLowerCase()
    const items = await all(`search=${encodeURIComponent(word)}`)
    expect(items.map(p => p.id)).toContain(sample?.id)
    const text = (p: ProductSummaryDto) => `${p.title} ${p.brand.name} ${p.category.name}`.toLowerCase()
    expect(items.filter(p => !text(p).includes(word))).toEqual([])
  })

  it('a malformed number filter is a DRF field error', async () => {
    const response = await client.call('/products/?min_price=cheap')
    expect(response.status).toBe(400)
    assertSchema('FieldErrors', response.body)
    expect(response.body).toHaveProperty('min_price')
  })
})

describe('catalog: facets and suggestions', () => {
  it('facets have the documented shape and counts agree with the list', async () => {
    assertSchema('Facets', facets)
    const response = await client.call<FacetsDto>(`/products/facets/?category=${children[0]?.slug}`)
    assertSchema('Facets', response.body)
    const brand = response.body.brands[0]
    const items = await all(`category=${children[0]?.slug}&brand=${brand?.slug}`)
    expect(items.length).toBe(brand?.count)
  })

  it('suggest returns at most 10 typed suggestions', async () => {
    const word = (children[0]?.name ?? 'a').slice(0, 4).toLowerCase()
    const response = await client.call<SuggestionDto[]>(`/products/suggest/?q=${encodeURIComponent(word)}`)
    expect(response.status).toBe(200)
    assertArrayOf('Suggestion', response.body)
    expect(response.body.length).toBeGreaterThan(0)
    expect(response.body.length).toBeLessThanOrEqual(10)
    expect(response.body.filter(s => s.type === 'product').every(s => typeof s.id === 'number')).toBe(true)
  })
})

describe('DRF conventions', () => {
  it('a wrong method is 405 with DRF\'s detail and an Allow header', async () => {
    const response = await client.call('/products/', { method: 'PUT', body: {} })
    expect(response.status).toBe(405)
    expectDrfError(response.body, 'Method "PUT" not allowed.', 'method_not_allowed')
    expect(response.headers.get('allow')).toMatch(/GET/)
  })

  it('a missing trailing slash on GET is redirected to the slashed path', async () => {
    const response = await client.call('/categories')
    expect(response.status).toBeGreaterThanOrEqual(301)
    expect(response.status).toBeLessThanOrEqual(308)
    expect(response.headers.get('location')).toMatch(/\/categories\/$/)
  })
})
