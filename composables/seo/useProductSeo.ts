import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { useRoute, useRuntimeConfig } from '#imports'
import type { ProductDetail } from '~/services/domain/product'
import type { JsonLd } from '~/utils/seo/jsonLd'
import { breadcrumbJsonLd, productJsonLd, type Crumb } from '~/utils/seo/structuredData'
import { htmlToText, truncateText } from '~/utils/seo/metaText'
import { categoryPath, productPath } from '~/utils/routes/paths'
import { absoluteUrl } from '~/utils/routes/siteUrl'
import { formatMoney } from '~/utils/format/money'
import { productOffer } from '~/services/domain/productOffer'
import { usePageSeo, type UsePageSeoReturn } from './usePageSeo'

export interface UseProductSeoOptions {
  /** The loaded product, or null while loading / when unknown. */
  product: MaybeRefOrGetter<ProductDetail | null>
  /** Category path from the top level down to the product's category. */
  categoryTrail: MaybeRefOrGetter<ReadonlyArray<{ slug: string, name: string }>>
  /** The id is unknown: the page says so, and search engines must not index it. */
  notFound: MaybeRefOrGetter<boolean>
}

/** Absolute URL for an image: backend images are usually absolute already, some backends send paths. */
function absoluteImage(siteUrl: string, url: string): string {
  return /^https?:\/\//i.test(url) ? url : absoluteUrl(siteUrl, url)
}

/** The snippet: the description's first sentences, else a line built from title, brand and price. */
export function productDescription(product: ProductDetail): string {
  const text = htmlToText(product.descriptionHtml)
  const by = product.brand.name ? ` by ${product.brand.name}` : ''
  // What the page shows before a size is chosen (productOffer): not the product's own price when its sizes cost another.
  const offer = productOffer(product, null)
  const fallback = `${product.title}${by}, ${offer.range ? 'from ' : ''}${formatMoney(offer.price)}. ${offer.inStock ? 'In stock' : 'Currently out of stock'}.`
  return truncateText(text.length >= 50 ? text : `${fallback} ${text}`.trim())
}

/**
 * A product page's metadata: title, description, canonical /products/{id}-{slug}, Open Graph and Twitter
 * tags, and JSON-LD Product (price, availability, rating) plus BreadcrumbList (home > categories > product).
 */
export function useProductSeo(options: UseProductSeoOptions): UsePageSeoReturn {
  const siteUrl = String(useRuntimeConfig().public.siteUrl)
  // The variant the address names (`?variant=`, as the purchase panel reads it): the server's Offer describes it.
  const route = import.meta.server ? useRoute() : null
  return usePageSeo(computed(() => {
    const product = toValue(options.product)
    if (toValue(options.notFound)) {
      return { title: 'Product not found', description: 'This product does not exist or is no longer available. Browse the catalog for similar products.', canonicalPath: null, noindex: true }
    }
    // Loading, or not loaded (a 503 says so in the page and its status): never "not found" for a product that exists.
    if (!product) return { title: 'Product', description: '', canonicalPath: null }
    return {
      title: product.title,
      canonicalPath: productPath(product),
      type: 'product' as const,
      // Snippet, preview image and structured data are the server's (usePageSeo); spelled out here so the browser's
      // build drops them.
      ...(import.meta.server ? snippet(product, toValue(options.categoryTrail), siteUrl, route?.query.variant) : { description: '' }),
    }
  }))
}

/** Description, preview image and JSON-LD Product plus BreadcrumbList: server only. */
function snippet(product: ProductDetail, trail: ReadonlyArray<{ slug: string, name: string }>, siteUrl: string, variantParam?: unknown): { description: string, image: string | null, jsonLd: JsonLd[] } {
  const url = absoluteUrl(siteUrl, productPath(product))
  // A shared link or a crawler has the address the chosen size put in the address bar: the page shows that variant's
  // price and stock, and the Offer must say the same (a merchant listing's price is checked against the page's).
  // Chosen as the purchase panel chooses (useVariantSelection): the only variant, else the one the address names.
  const variant = (product.variants.length === 1 ? product.variants[0] : product.variants.find(v => v.id === Number(variantParam))) ?? null
  // Price and availability as the page shows them: none chosen, variants priced apart are offered from the cheapest to
  // the dearest ("From …"), and any variant in stock makes the product available.
  const offer = productOffer(product, variant)
  const range = offer.range
  const images = (product.images.length ? product.images : [product.image]).map(image => absoluteImage(siteUrl, image.url))
  const description = productDescription(product)
  const categories = trail.length ? trail : [product.category]
  const crumbs: Crumb[] = [
    { name: 'Home', url: absoluteUrl(siteUrl, '/') },
    ...categories.map(category => ({ name: category.name, url: absoluteUrl(siteUrl, categoryPath(category.slug)) })),
    { name: product.title, url },
  ]
  return {
    description,
    image: images[0] ?? null,
    jsonLd: [
      productJsonLd({
        id: product.id,
        title: product.title,
        description,
        images,
        price: offer.price,
        brandName: product.brand.name,
        inStock: offer.inStock,
        rating: product.rating,
        reviewsCount: product.reviewsCount,
        url,
        ...(variant ? { sku: variant.sku } : {}),
        ...(range ? { priceRange: { ...range, offerCount: product.variants.length } } : {}),
      }),
      breadcrumbJsonLd(crumbs),
    ],
  }
}
