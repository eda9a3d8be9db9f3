import { toValue, type MaybeRefOrGetter } from 'vue'
import { setResponseHeader, setResponseStatus } from 'h3'
import { useRequestEvent } from '#imports'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { ListView } from '~/composables/pagination/useListView'
import type { ResourceStatus } from '~/stores/resources/keyedResource'
import { DEGRADED_HEADER, degradedHeaderValue, pageOutcome, type ContentFailure, type PageOutcome } from '~/utils/http/pageOutcome'

/** A source's failure, read when the page's loads are done; null while it is loaded (or has nothing to load). */
export type FailureOf = () => ContentFailure | null

export interface UsePageStatusOptions {
  /** What the page is for, by name: if any of these failed, the page failed (404, 400 or 503, never cached). */
  main: Readonly<Record<string, FailureOf>>
  /** What the page can do without, by name: a failure leaves a 200 that says what it misses, kept briefly. */
  parts?: Readonly<Record<string, FailureOf>>
  /** The subject does not exist although everything loaded (an unknown category). */
  notFound?: MaybeRefOrGetter<boolean>
}

/** The failure of a list's first page (a failed "load more" is not the page failing). */
export function listFailure(list: Pick<ListView<unknown>, 'status' | 'error' | 'items'>): ApiErrorData | null {
  return list.status.value === 'error' && list.items.value.length === 0 ? list.error.value : null
}

/** The failure of a keyed resource (a product, facets, the category tree). */
export function resourceFailure(status: ResourceStatus, error: ApiErrorData | null): ApiErrorData | null {
  return status === 'error' ? error : null
}

function collect(sources: Readonly<Record<string, FailureOf>> | undefined): Record<string, ContentFailure | null> {
  return Object.fromEntries(Object.entries(sources ?? {}).map(([name, failure]) => [name, failure()]))
}

/**
 * Makes a server-rendered page's status and caching tell the truth about what it could load (utils/http/pageOutcome):
 * main content failed -> 503 + Retry-After + `Cache-Control: no-store` (or 404/400 when the backend said so);
 * a part failed -> 200 with the missing parts named in `x-page-degraded`. Call it once the page's loads are awaited.
 * In the browser it does nothing: the failed sections retry by themselves (UiLoadFailed, UiPaginatedList).
 */
export function usePageStatus(options: UsePageStatusOptions): PageOutcome | null {
  if (!import.meta.server) return null
  const event = useRequestEvent()
  if (!event) return null
  const outcome = pageOutcome({
    main: Object.values(collect(options.main)),
    parts: collect(options.parts),
    notFound: toValue(options.notFound) ?? false,
  })
  if (outcome.kind === 'complete') return outcome
  if (outcome.kind === 'partial') {
    setResponseHeader(event, DEGRADED_HEADER, degradedHeaderValue(outcome.missing))
    return outcome
  }
  setResponseStatus(event, outcome.status)
  if (outcome.kind === 'unavailable') {
    setResponseHeader(event, 'retry-after', outcome.retryAfterS)
    // Also over a signed-in page's "private, no-store": a failure is kept by no cache at all.
    setResponseHeader(event, 'cache-control', 'no-store')
  }
  return outcome
}
