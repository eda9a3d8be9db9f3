import { describe, expect, it } from 'vitest'
import { toProductFacets } from '~/services/mappers/facets'
import { toDecimalNumber } from '~/services/mappers/decimal'
import { toProductDetail, toProductSummary } from '~/services/mappers/product'
import { toReview } from '~/services/mappers/review'
import { toCategory } from '~/services/mappers/category'
import { sanitizeHtml } from '~/utils/html/sanitize'
import type { ProductDetailDto } from '~/services/dto'
import { seed } from '../../support/fixtures'

const detailDto: ProductDetailDto = {
  ...seed.productDto(7),
  price: '19.99',
  compare_at_price: '24.50',
  description_html: '<p>Nice <strong>mug</strong><script>alert(1)</script><img src=x onerror="alert(1)"></p>',
  images: [{ url: '/a.svg', alt: 'A', width: 600, height: 600 }, { url: '/b.svg', alt: 'B', width: 600, height: 600 }],
  attributes: { Material: 'Stoneware', Capacity: '350 ml' },
  variants: [{ id: 70, sku: 'M-N', options: { colour: 'Navy' }, price: '0.10', in_stock: true }],
  stock: 4,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
}

describe('catalog mappers', () => {
  it('maps a product detail with exact money, ordered attributes and sanitized description', () => {
    const detail = toProductDetail(detailDto, sanitizeHtml)
    expect(detail.price).toEqual({ amount: 1999, currency: 'USD' })
    expect(detail.compareAtPrice).toEqual({ amount: 2450, currency: 'USD' })
    expect(detail.variants[0]!.price.amount + toProductDetail({ ...detailDto, variants: [{ ...detailDto.variants[0]!, price: '0.20' }] }, sanitizeHtml).variants[0]!.price.amount).toBe(30)
    expect(detail.attributes).toEqual([{ name: 'Material', value: 'Stoneware' }, { name: 'Capacity', value: '350 ml' }])
    expect(detail.images).toHaveLength(2)
    expect(detail.descriptionHtml).toBe('<p>Nice <strong>mug</strong></p>')
  })

  it.each([
    ['"4.20" (DRF DecimalField, the default)', '4.20', 4.2],
    ['"4.2"', '4.2', 4.2],
    ['"0.00" (unrated)', '0.00', 0],
    ['4.2 (COERCE_DECIMAL_TO_STRING = False)', 4.2, 4.2],
    ['5 (an integer)', 5, 5],
  ])('reads a rating sent as %s', (_label, rating, expected) => {
    expect(toProductSummary({ ...seed.productDto(7), rating }).rating).toBe(expected)
  })

  it('names attributes keyed as model fields in words, as they are shown and read out', () => {
    const detail = toProductDetail({ ...detailDto, attributes: { material: 'Oak', screen_size: '13 in' } }, sanitizeHtml)
    expect(detail.attributes).toEqual([{ name: 'material', value: 'Oak' }, { name: 'screen size', value: '13 in' }])
  })

  it('maps what real DRF backends also send: prices as JSON numbers, a null image and a null brand', () => {
    const dto = { ...seed.productDto(8), price: 19.99, compare_at_price: 24.5, image: null, brand: null } as unknown as Parameters<typeof toProductSummary>[0]
    const summary = toProductSummary(dto)
    expect(summary.price).toEqual({ amount: 1999, currency: 'USD' })
    expect(summary.compareAtPrice).toEqual({ amount: 2450, currency: 'USD' })
    expect(summary.image.url).toMatch(/^data:image\/svg\+xml/)
    expect(summary.brand).toEqual({ slug: '', name: '' })
  })

  it('reads what is not a decimal as 0 instead of NaN', () => {
    for (const odd of ['', 'n/a', '4,2']) expect(toDecimalNumber(odd)).toBe(0)
    expect(toDecimalNumber(Number.NaN)).toBe(0)
    expect(toDecimalNumber(null, 3)).toBe(3)
  })

  it('falls back to the summary image when a detail has no gallery', () => {
    expect(toProductDetail({ ...detailDto, images: [] }, html => html).images).toEqual([detailDto.image])
  })

  it('maps facets with prices in minor units', () => {
    const facets = toProductFacets({
      categories: [{ slug: 'mugs', name: 'Mugs', count: 3 }],
      brands: [{ slug: 'acme', name: 'Acme', count: 3 }],
      price: { min: '0.10', max: '1200.00' },
      ratings: [{ min_rating: 4, count: 2 }],
    })
    expect(facets.price).toEqual({ min: 10, max: 120000 })
    expect(facets.ratings).toEqual([{ minRating: 4, count: 2 }])
    expect(toProductFacets({ categories: [], brands: [], price: { min: null, max: null }, ratings: [] }).price).toEqual({ min: null, max: null })
  })

  it('maps reviews and categories to camelCase', () => {
    expect(toReview({ id: 1, rating: 5, title: 'T', body: 'B', author_name: 'Ann', verified_purchase: true, created_at: '2026-01-01T00:00:00Z' }))
      .toEqual({ id: 1, rating: 5, title: 'T', body: 'B', authorName: 'Ann', verifiedPurchase: true, createdAt: '2026-01-01T00:00:00Z' })
    expect(toCategory({ id: 2, slug: 'mugs', name: 'Mugs', parent: 1 })).toEqual({ id: 2, slug: 'mugs', name: 'Mugs', parentId: 1 })
  })
})

describe('sanitizeHtml', () => {
  it('keeps prose markup and removes scripts, handlers, styles and dangerous links', () => {
    const out = sanitizeHtml([
      '<h2>Care</h2><ul><li>Wash</li></ul>',
      '<a href="javascript:alert(1)">x</a><a href="/products/2" target="_blank" onclick="x()">ok</a><a href="//evil.test">p</a>',
      '<p style="position:fixed">s</p><iframe src="https://evil.test"></iframe><svg><script>alert(1)</script></svg>',
      '<math><mi><table><mglyph><style><img src=x onerror=alert(1)>',
    ].join(''))
    expect(out).toContain('<h2>Care</h2><ul><li>Wash</li></ul>')
    expect(out).toContain('<a href="/products/2">ok</a>')
    expect(out).not.toMatch(/javascript:|onclick|onerror|<script|<iframe|style=|target=|evil\.test|<img/i)
  })

  it('returns an empty string for empty input', () => {
    expect(sanitizeHtml('')).toBe('')
  })
})

describe('image URLs from the backend', () => {
  it('keeps web addresses and paths on this site, and shows a placeholder for anything else', async () => {
    const { PLACEHOLDER_IMAGE_URL, safeImageUrl } = await import('~/services/mappers/image')
    expect(safeImageUrl('https://media.example.com/p/1.jpg')).toBe('https://media.example.com/p/1.jpg')
    expect(safeImageUrl('http://127.0.0.1:4010/api/media/products/1.svg')).toBe('http://127.0.0.1:4010/api/media/products/1.svg')
    expect(safeImageUrl('/api/media/products/1.svg')).toBe('/api/media/products/1.svg')
    for (const hostile of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'data:image/svg+xml,<svg onload=alert(1)>',
      'vbscript:msgbox(1)', '//evil.example/x.png', '/\\evil.example', 'x" onerror="alert(1)', '<img src=x onerror=alert(1)>', 'products/1.svg', '', null, 42]) {
      expect(safeImageUrl(hostile), String(hostile)).toBe(PLACEHOLDER_IMAGE_URL)
    }
  })
})
