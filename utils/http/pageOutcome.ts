import type { ApiErrorData } from '~/composables/core/api/ApiError'

// What a server-rendered page answers, decided from what it could load. One rule for every page kind:
// - the main content (what the page is for: the products of a listing, the product of a product page) failed:
//   404 when the backend said the subject does not exist, 400 when it refused the request as malformed, else 503
//   with Retry-After and `Cache-Control: no-store`, so no cache (ours, a CDN's, a crawler's) keeps the failure;
// - a part failed (filter counts, reviews, related products, the category tree in a listing's panel): 200, and the
//   page names what it misses in DEGRADED_HEADER; the shared page cache keeps such a page briefly (pageCache/policy).

/** Response header naming the parts a 200 page is missing ("facets, reviews"); only on partial pages. */
export const DEGRADED_HEADER = 'x-page-degraded'

/** Retry-After when the failure itself did not say how long (crawlers and CDNs; the browser retries sooner). */
export const DEFAULT_RETRY_AFTER_S = 30
const MAX_RETRY_AFTER_S = 3_600

export type PageOutcome =
  | { kind: 'complete', status: 200 }
  | { kind: 'partial', status: 200, missing: string[] }
  | { kind: 'not-found', status: 404 }
  | { kind: 'invalid', status: 400 }
  | { kind: 'unavailable', status: 503, retryAfterS: number }

/** A failure as the page sees it: the serializable error, plus how long the backend asked to wait, if it did. */
export type ContentFailure = Pick<ApiErrorData, 'status'> & { retryAfterMs?: number }

export interface PageContentState {
  /** Each main source's failure (null: loaded). One failure fails the page. */
  main: readonly (ContentFailure | null)[]
  /** Each part's failure by name (null: loaded). */
  parts?: Readonly<Record<string, ContentFailure | null>>
  /** The page's subject does not exist although everything loaded (an unknown category). */
  notFound?: boolean
}

function retryAfterSeconds(failure: ContentFailure): number {
  const ms = failure.retryAfterMs
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return DEFAULT_RETRY_AFTER_S
  return Math.min(MAX_RETRY_AFTER_S, Math.max(1, Math.ceil(ms / 1000)))
}

function mainOutcome(failure: ContentFailure): PageOutcome {
  // Decided on the status, as everywhere (docs/api-core.md): 404/410 the subject is gone (an unknown product, a
  // cursor the backend does not know), 400 the request was refused as malformed. Everything else (no answer,
  // 5xx, 429, an unreadable 2xx, a 401/403 the page could not get past) is the shop failing, not the URL.
  if (failure.status === 404 || failure.status === 410) return { kind: 'not-found', status: 404 }
  if (failure.status === 400) return { kind: 'invalid', status: 400 }
  return { kind: 'unavailable', status: 503, retryAfterS: retryAfterSeconds(failure) }
}

export function pageOutcome(state: PageContentState): PageOutcome {
  const failed = state.main.filter((failure): failure is ContentFailure => failure !== null)
  // An unavailable source outranks a 404 from another: the page cannot claim the subject is gone while part of
  // what decides it did not answer.
  const outcomes = failed.map(mainOutcome)
  const unavailable = outcomes.find(outcome => outcome.kind === 'unavailable')
  if (unavailable) return unavailable
  if (outcomes[0]) return outcomes[0]
  if (state.notFound) return { kind: 'not-found', status: 404 }
  const missing = Object.entries(state.parts ?? {}).filter(([, failure]) => failure !== null).map(([name]) => name)
  return missing.length ? { kind: 'partial', status: 200, missing } : { kind: 'complete', status: 200 }
}

/** The header value for a partial page: part names, sorted, comma-separated; only [a-z0-9-] survive in a name. */
export function degradedHeaderValue(missing: readonly string[]): string {
  return [...new Set(missing.map(name => name.toLowerCase().replace(/[^a-z0-9-]/g, '')).filter(Boolean))].sort().join(', ')
}
