import { defineNitroPlugin, useRuntimeConfig } from 'nitropack/runtime'
import { imageSources } from '../utils/security/imageSources'
import { pageScriptHashes } from '../utils/security/inlineScriptHashes'

/**
 * Completes nuxt-security's CSP at runtime (the module's own script hashing only runs when prerendering):
 * - script-src gets the hash of each inline script the server wrote into the page (loader, payload), never of
 *   one inside the app's markup;
 * - img-src gets the origins product images may come from: the backend's (NUXT_API_BASE) and the media origin
 *   (NUXT_PUBLIC_MEDIA_ORIGIN: Django's MEDIA_URL host or a CDN). Both are runtime config.
 * Registered before nuxt-security's plugins (it sorts them last), so its CSP writer sees our hashes.
 */
export default defineNitroPlugin((nitroApp) => {
  const config = useRuntimeConfig()
  const origins = { apiBase: String(config.apiBase ?? ''), mediaOrigin: String(config.public.mediaOrigin ?? '') }

  nitroApp.hooks.hook('nuxt-security:routeRules', (rules) => {
    const headers = rules['/**']?.headers
    const csp = headers ? headers.contentSecurityPolicy : undefined
    if (!csp || typeof csp !== 'object') return
    const imgSrc = csp['img-src']
    const sources = Array.isArray(imgSrc) ? imgSrc : typeof imgSrc === 'string' ? imgSrc.split(' ') : ["'self'"]
    csp['img-src'] = imageSources(sources, origins)
  })

  nitroApp.hooks.hook('render:html', (html, { event }) => {
    const hashes = pageScriptHashes(html)
    event.context.security ??= {}
    const existing = event.context.security.hashes
    event.context.security.hashes = {
      script: new Set([...(existing?.script ?? []), ...hashes]),
      style: existing?.style ?? new Set(),
    }
  })
})
