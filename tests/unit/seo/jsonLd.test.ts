import { describe, expect, it } from 'vitest'
import { serializeJsonLd } from '~/utils/seo/jsonLd'
import { breadcrumbJsonLd, itemListJsonLd, productJsonLd } from '~/utils/seo/structuredData'
import { htmlToText, truncateText } from '~/utils/seo/metaText'
import { productPath } from '~/utils/routes/paths'
import { absoluteUrl } from '~/utils/routes/siteUrl'

const product = {
  id: 12,
  title: 'Blue mug',
  description: 'A mug.',
  images: ['https://shop.example/api/media/products/12.svg'],
  price: { amount: 1999, currency: 'USD' },
  brandName: 'Acme',
  inStock: true,
  rating: 4.26,
  reviewsCount: 31,
  url: absoluteUrl('https://shop.example', productPath({ id: 12, slug: 'blue-mug' })),
}

describe('structured data', () => {
  it('describes a product with an offer and its rating', () => {
    expect(productJsonLd(product)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      'name': 'Blue mug',
      'description': 'A mug.',
      'image': ['https://shop.example/api/media/products/12.svg'],
      'sku': '12',
      'brand': { '@type': 'Brand', 'name': 'Acme' },
      'offers': {
        '@type': 'Offer',
        'url': absoluteUrl('https://shop.example', productPath({ id: 12, slug: 'blue-mug' })),
        'price': '19.99',
        'priceCurrency': 'USD',
        'availability': 'https://schema.org/InStock',
        'itemCondition': 'https://schema.org/NewCondition',
      },
      'aggregateRating': { '@type': 'AggregateRating', 'ratingValue': 4.3, 'reviewCount': 31, 'bestRating': 5, 'worstRating': 1 },
    })
  })

  it('leaves out aggregateRating without reviews and marks sold-out products', () => {
    const ld = productJsonLd({ ...product, reviewsCount: 0, inStock: false, price: { amount: 500, currency: 'JPY' } })
    expect(ld).not.toHaveProperty('aggregateRating')
    expect(ld.offers).toMatchObject({ price: '500', priceCurrency: 'JPY', availability: 'https://schema.org/OutOfStock' })
  })

  it('numbers breadcrumbs and list items from 1', () => {
    expect(breadcrumbJsonLd([{ name: 'Home', url: 'https://s/' }, { name: 'Mug' }]).itemListElement).toEqual([
      { '@type': 'ListItem', 'position': 1, 'name': 'Home', 'item': 'https://s/' },
      { '@type': 'ListItem', 'position': 2, 'name': 'Mug' },
    ])
    expect(itemListJsonLd([{ url: 'https://s/p/1', name: 'A' }], 24).itemListElement).toEqual([
      { '@type': 'ListItem', 'position': 25, 'url': 'https://s/p/1', 'name': 'A' },
    ])
  })

  it('serializes so no content can close the script element, and parses back to the same data', () => {
    const hostile = { ...product, title: '</script><script>alert(1)</script> & \u2028' }
    const text = serializeJsonLd(productJsonLd(hostile))
    expect(text).not.toMatch(/<|>|&|\u2028/)
    expect(JSON.parse(text)).toEqual(productJsonLd(hostile))
  })
})

describe('meta text', () => {
  it('turns sanitized HTML into one line of text', () => {
    expect(htmlToText('<p>Bright &amp; <b>bold</b></p><ul><li>Dishwasher&nbsp;safe</li></ul>&#8212;&#x2713;')).toBe('Bright & bold Dishwasher safe —✓')
  })

  it('cuts long text at a word boundary', () => {
    const text = 'word '.repeat(60).trim()
    const cut = truncateText(text, 160)
    expect(cut.length).toBeLessThanOrEqual(160)
    expect(cut.endsWith('word…')).toBe(true)
    expect(truncateText('short', 160)).toBe('short')
  })
})
