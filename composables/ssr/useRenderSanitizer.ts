import { useRequestEvent } from '#app'
import { renderBackendOf } from '~/composables/core/api/renderFetch'

/**
 * In a server render, the process's sanitizer for backend HTML (utils/html/sanitize's policy, remembered per
 * input: server/utils/content/sanitizedHtml.ts), so a product rendered again does not build another jsdom
 * document for the same description. In the browser, or a server without the gateway, undefined: the caller
 * loads the sanitizer itself.
 */
export function useRenderSanitizer(): ((html: string) => string) | undefined {
  if (!import.meta.server) return undefined
  return renderBackendOf(useRequestEvent())?.sanitizeHtml
}
