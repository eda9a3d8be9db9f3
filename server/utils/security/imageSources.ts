import { originOf } from './inlineScriptHashes'

export interface ImageOrigins {
  /** NUXT_API_BASE: DRF builds absolute image URLs on the host it was called on (build_absolute_uri). */
  apiBase: string
  /** NUXT_PUBLIC_MEDIA_ORIGIN: where Django's MEDIA_URL or a CDN serves uploads; '' when not configured. */
  mediaOrigin: string
}

function usableOrigin(url: string): string | null {
  const origin = url ? originOf(url) : null
  return origin && origin !== 'null' ? origin : null
}

/**
 * The CSP img-src with the backend's image origin appended: the configured media origin, or without one the API's
 * (DRF's absolute URLs on the host it was called on). Not both: every page's header would otherwise name the API's
 * host, which may be an internal one the browser never reaches. Relative or malformed values add nothing; a source
 * already listed is not repeated.
 */
export function imageSources(existing: readonly string[], origins: ImageOrigins): string[] {
  const origin = usableOrigin(origins.mediaOrigin) ?? usableOrigin(origins.apiBase)
  return origin && !existing.includes(origin) ? [...existing, origin] : [...existing]
}
