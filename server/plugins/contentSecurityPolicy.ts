import { defineNitroPlugin, useRuntimeConfig } from 'nitropack/runtime'
import { inlineScriptHashes, originOf } from '../utils/security/inlineScriptHashes'

/**
 * Completes nuxt-security's CSP at runtime (the module's own script hashing only runs when prerendering):
 * - script-src gets the hash of each inline script of the page being rendered (Nuxt's config bootstrap);
 * - img-src gets the backend's origin, where product images may live (NUXT_API_BASE is runtime config).
 * Registered before nuxt-security's plugins (it sorts them last), so its CSP writer sees our hashes.
 */
export default defineNitroPlugin((nitroApp) => {
  const mediaOrigin = originOf(String(useRuntimeConfig().apiBase))

  nitroApp.hooks.hook('nuxt-security:routeRules', (rules) => {
    const headers = rules['/**']?.headers
    const csp = headers ? headers.contentSecurityPolicy : undefined
    if (!mediaOrigin || !csp || typeof csp !== 'object') return
    const imgSrc = csp['img-src']
    const sources = Array.isArray(imgSrc) ? imgSrc : typeof imgSrc === 'string' ? imgSrc.split(' ') : ["'self'"]
    if (!sources.includes(mediaOrigin)) csp['img-src'] = [...sources, mediaOrigin]
  })

  nitroApp.hooks.hook('render:html', (html, { event }) => {
    const hashes = inlineScriptHashes([...html.head, ...html.bodyPrepend, ...html.body, ...html.bodyAppend])
    event.context.security ??= {}
    const existing = event.context.security.hashes
    event.context.security.hashes = {
      script: new Set([...(existing?.script ?? []), ...hashes]),
      style: existing?.style ?? new Set(),
    }
  })
})
