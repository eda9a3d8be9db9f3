import { originOf } from './inlineScriptHashes'

export interface ImageOrigins {
  /** NUXT_API_BASE: DRF builds absolute image URLs on the host it was called on (build_absolute_uri). */
  apiBase: string
  /** NUXT_PUBLIC_MEDIA_ORIGIN: where Django's MEDIA_URL or a CDN serves uploads; '' when not configured. */
  mediaOrigin: string
}

/**
 * The CSP img-src with the backend's origins appended: the API's (as before any media origin existed) and the
 * configured media origin. Relative or malformed values add nothing; a source already listed is not repeated.
 */
export function imageSources(existing: readonly string[], origins: ImageOrigins): string[] {
  const sources = [...existing]
  for (const url of [origins.apiBase, origins.mediaOrigin]) {
    const origin = url ? originOf(url) : null
    if (origin && origin !== 'null' && !sources.includes(origin)) sources.push(origin)
  }
  return sources
}
