import type { H3Event } from 'h3'
import { getRequestHeader, getRequestURL } from 'h3'
import { isInternalRequest } from './internal'

/** Every unsafe call from our own pages carries this header; a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-requested-with'
export const CSRF_HEADER_VALUE = 'storefront'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface CsrfOptions {
  /** The public origin (runtimeConfig.public.siteUrl); accepted besides the request's own origin (TLS-terminating proxies). */
  siteUrl?: string
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).origin
  }
  catch {
    return undefined
  }
}

/**
 * Why an unsafe request must be refused, or null when it may go on. Two independent checks: the browser's own
 * statement of where the request comes from (`Origin`, else `Sec-Fetch-Site`), and a custom header that only
 * same-origin script can add. A request with neither Origin nor Sec-Fetch-Site is refused: every browser we
 * support sends one of them on a POST. Our own in-process SSR calls are not cross-site by construction.
 */
export function csrfRejection(event: H3Event, options: CsrfOptions = {}): string | null {
  if (SAFE_METHODS.has(event.method) || isInternalRequest(event)) return null
  if (getRequestHeader(event, CSRF_HEADER) !== CSRF_HEADER_VALUE) {
    return 'This request is missing the storefront header and was refused.'
  }
  const origin = getRequestHeader(event, 'origin')
  if (origin !== undefined) {
    const allowed = [getRequestURL(event).origin, originOf(options.siteUrl)]
    return origin !== 'null' && allowed.includes(origin) ? null : 'Cross-site request refused.'
  }
  const site = getRequestHeader(event, 'sec-fetch-site')
  return site === 'same-origin' || site === 'none' ? null : 'Cross-site request refused.'
}
