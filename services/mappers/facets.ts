import { toMinorUnits } from '~/utils/format/money'
import type { FacetCountDto, FacetsDto } from '../dto'
import type { FacetCount, ProductFacets } from '../domain/facets'

function toFacetCount(dto: FacetCountDto): FacetCount {
  return { slug: dto.slug, name: dto.name, count: dto.count }
}

/** Facet prices carry no currency of their own: they are in the shop currency, like the price filters. */
export function toProductFacets(dto: FacetsDto, currency = 'USD'): ProductFacets {
  return {
    categories: dto.categories.map(toFacetCount),
    brands: dto.brands.map(toFacetCount),
    price: {
      min: dto.price.min === null ? null : toMinorUnits(dto.price.min, currency),
      max: dto.price.max === null ? null : toMinorUnits(dto.price.max, currency),
    },
    ratings: dto.ratings.map(r => ({ minRating: r.min_rating, count: r.count })),
  }
}
