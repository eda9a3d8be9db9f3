import type { Money } from '~/services/domain/money'
import { fromMinorUnits } from '~/utils/format/money'
import type { JsonLd } from './jsonLd'

// The catalog's schema.org blocks (Product, BreadcrumbList, ItemList); serialized by utils/seo/jsonLd.ts.

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
  /**
   * No variant chosen, and the variants cost different amounts: the offers are an AggregateOffer from the cheapest
   * to the dearest (what the page shows as "From …"), not one Offer at the product's own price.
   */
  priceRange?: { low: Money, high: Money, offerCount: number }
}

export interface Crumb {
  name: string
  /** Absolute URL; the last crumb (the page itself) may omit it. */
  url?: string
}

export function productJsonLd(product: ProductLdInput): JsonLd {
  const ld: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    'name': product.title,
    'description': product.description,
    'image': product.images,
    'sku': product.sku ?? String(product.id),
    // A brandless product (its brand null at the backend) names none rather than an empty one.
    ...(product.brandName ? { brand: { '@type': 'Brand', 'name': product.brandName } } : {}),
    'offers': {
      'url': product.url,
      ...(product.priceRange
        ? {
            '@type': 'AggregateOffer',
            'lowPrice': fromMinorUnits(product.priceRange.low.amount, product.priceRange.low.currency),
            'highPrice': fromMinorUnits(product.priceRange.high.amount, product.priceRange.high.currency),
            'offerCount': product.priceRange.offerCount,
            'priceCurrency': product.priceRange.low.currency,
          }
        : {
            '@type': 'Offer',
            'price': fromMinorUnits(product.price.amount, product.price.currency),
            'priceCurrency': product.price.currency,
          }),
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
