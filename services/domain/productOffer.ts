import type { Money } from './money'
import type { ProductDetail, ProductVariant } from './product'
import { variantPriceRange, type PriceRange } from './priceRange'

/** What a product page offers, as the page shows it and its JSON-LD Offer says it (the two must agree). */
export interface ProductOffer {
  /** The price shown: the chosen variant's; else the variants' (their lowest when priced apart); else the product's. */
  price: Money
  /** No variant chosen and the variants cost different amounts: "From {low}", an AggregateOffer up to `high`. */
  range: PriceRange | null
  /**
   * The "was" price shown beside it: the product's compare-at, next to a price that is the product's own (the one it
   * was set against), whether no variant is chosen or the chosen one costs that. A variant priced apart or a "From"
   * range has none: the domain has no compare-at per variant, and "was" beside the lowest of several is not true of
   * the others.
   */
  compareAt: Money | null
  /** The chosen variant's stock; with none chosen, whether any variant is in stock; without variants, the product's. */
  inStock: boolean
}

/**
 * The price, "was" price and availability of a product with `variant` chosen (null: none yet). A product's own
 * price and in-stock flag are its backend's summary; once it has variants, what is bought is a variant, so they
 * decide: a product whose sizes all cost $18 showed its own $20, and one whose only sizes left were in stock said
 * "OutOfStock" in its AggregateOffer because its own flag did.
 */
export function productOffer(product: Pick<ProductDetail, 'price' | 'compareAtPrice' | 'inStock' | 'variants'>, variant: ProductVariant | null): ProductOffer {
  const { variants } = product
  const range = variant ? null : variantPriceRange(variants)
  const price = variant?.price ?? range?.low ?? variants[0]?.price ?? product.price
  const compareAt = !range && price.amount === product.price.amount ? product.compareAtPrice : null
  const inStock = variant ? variant.inStock : variants.length ? variants.some(v => v.inStock) : product.inStock
  return { price, range, compareAt, inStock }
}
