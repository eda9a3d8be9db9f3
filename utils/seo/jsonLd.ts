import type { Money } from '~/services/domain/money'
import { fromMinorUnits } from '~/utils/format/money'

// schema.org structured data as plain objects, and the one safe way to put them into HTML.

export type JsonLd = Record<string, unknown>

/** What a Product needs; a structural subset of the catalog's ProductDetail. */
export interface ProductLdInput {
  id: number
  title: string
  description: string
  /** Absolute image URLs, main image first. */
  images: string[]
  price: Money
  brandName: string
  inStock: boolean
  rating: number
  reviewsCount: number
  /** Absolute canonical URL of the product page. */
  url: string
  sku?: string
}

export interface Crumb {
  name: string
  /** Absolute URL; the last crumb (the page itself) may omit it. */
  url?: string
}

/** JSON for a <script type="application/ld+json">: `<` cannot close the script, U+2028/9 cannot break it. */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

export function productJsonLd(product: ProductLdInput): JsonLd {
  const ld: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    'name': product.title,
    'description': product.description,
    'image': product.images,
    'sku': product.sku ?? String(product.id),
    'brand': { '@type': 'Brand', 'name': product.brandName },
    'offers': {
      '@type': 'Offer',
      'url': product.url,
      'price': fromMinorUnits(product.price.amount, product.price.currency),
      'priceCurrency': product.price.currency,
      'availability': product.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      'itemCondition': 'https://schema.org/NewCondition',
    },
  }
  if (product.reviewsCount > 0) {
    ld.aggregateRating = {
      '@type': 'AggregateRating',
      'ratingValue': Number(product.rating.toFixed(1)),
      'reviewCount': product.reviewsCount,
      'bestRating': 5,
      'worstRating': 1,
    }
  }
  return ld
}

export function breadcrumbJsonLd(crumbs: readonly Crumb[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    'itemListElement': crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      'position': index + 1,
      'name': crumb.name,
      ...(crumb.url ? { item: crumb.url } : {}),
    })),
  }
}

/** The products of one listing page, in order; `offset` is how many came before it (0 on the first page). */
export function itemListJsonLd(items: ReadonlyArray<{ url: string, name: string }>, offset = 0): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    'itemListElement': items.map((item, index) => ({
      '@type': 'ListItem',
      'position': offset + index + 1,
      'url': item.url,
      'name': item.name,
    })),
  }
}
