import { isWellFormedCursor } from '../../../services/domain/pagination'
import { MAX_SEARCH_LENGTH } from '../../../services/domain/productQuery'
import { isSlug } from '../../../utils/routes/slug'
import type { BackendRequest } from './recordingProxy'

const ORDERINGS = new Set(['-created_at', 'price', '-price', '-rating', 'title'])
const DECIMAL = /^\d{1,12}(?:\.\d{1,2})?$/
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
const FIELD_LIMITS: Record<string, number> = { email: 254, password: 1_024, first_name: 150, last_name: 150 }

/** Why a value of one query parameter should never have reached the backend, or null. */
function badParameter(name: string, value: string): string | null {
  switch (name) {
    case 'brand':
    case 'category':
      return isSlug(value) ? null : 'not a slug'
    case 'cursor':
      return isWellFormedCursor(value) ? null : 'not a cursor'
    case 'page_size':
      return /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 100 ? null : 'not a page size'
    case 'min_price':
    case 'max_price':
      return DECIMAL.test(value) ? null : 'not a price'
    case 'min_rating':
      return /^[1-5]$/.test(value) ? null : 'not a rating'
    case 'ordering':
      return ORDERINGS.has(value) ? null : 'not an ordering'
    case 'in_stock':
      return value === 'true' ? null : 'not a flag'
    case 'search':
    case 'q':
      return value.length > MAX_SEARCH_LENGTH ? 'over-long search' : UNPRINTABLE.test(value) ? 'unprintable search' : null
    default:
      return `unexpected parameter ${name}`
  }
}

/**
 * What the storefront's own code sent the backend that it should have refused or cleaned first: ids that are not
 * ids, slugs that are not slugs, malformed cursors, sizes and prices, unprintable or over-long search terms, form
 * fields over their limits. (The /api proxy passes a browser's own calls on as they are; those are not checked.)
 */
export function backendViolations(requests: readonly BackendRequest[]): string[] {
  const found: string[] = []
  for (const request of requests) {
    const url = new URL(request.url, 'http://backend.invalid')
    // Raw, not decoded: an encoded slash in an id ("..%2F1") is a segment that is no id, not two segments.
    const path = url.pathname
    const product = /^\/products\/([^/]+)\/(?:reviews\/)?$/.exec(path)
    if (product && !['facets', 'suggest'].includes(product[1]!) && !/^[1-9]\d{0,15}$/.test(product[1]!)) found.push(`${request.url}: product id`)
    const order = /^\/orders\/([^/]+)\/$/.exec(path)
    if (order && !/^\d{1,15}$/.test(order[1]!)) found.push(`${request.url}: order id`)
    for (const [name, value] of url.searchParams) {
      const problem = badParameter(name, value)
      if (problem) found.push(`${request.method} ${request.url.slice(0, 120)}: ${problem}`)
    }
    if (request.body && request.url.startsWith('/auth/')) {
      let body: Record<string, unknown> = {}
      try {
        body = JSON.parse(request.body) as Record<string, unknown>
      }
      catch { /* not JSON: nothing to check */ }
      for (const [field, limit] of Object.entries(FIELD_LIMITS)) {
        const value = body[field]
        if (typeof value === 'string' && value.length > limit) found.push(`${request.url}: ${field} of ${value.length} characters`)
      }
    }
  }
  return found
}
