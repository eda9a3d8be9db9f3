import type { LocationQuery } from 'vue-router'
import { cleanSearchTerm } from '~/services/domain/productQuery'

/**
 * The search term a URL's `?q=` names, as it is searched for and shown: the one place the address's term is read,
 * by the listing (utils/routes/listingQuery.ts) and the search box alike. A NUL or other control character in a
 * link was copied raw into the box's value and the suggestions' label; empty when there is none.
 */
export function searchTermInQuery(query: LocationQuery): string {
  const value = Array.isArray(query.q) ? query.q[0] : query.q
  return typeof value === 'string' ? cleanSearchTerm(value) : ''
}
