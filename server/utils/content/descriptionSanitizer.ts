import { sanitizeHtml } from '~/utils/html/sanitize'
import type { BackendCallContributor } from '../backend/contributors'

const PRODUCT_DETAIL = /^\/products\/\d+\/(?:\?.*)?$/

/**
 * The browser never parses backend-authored markup that has not been sanitized here first. The product mapper
 * sanitizes `description_html` wherever it runs, but in the browser that means parsing the raw markup, and Chromium
 * reports every inline handler it parses (even in an inert DOMParser document) as a CSP violation: a hostile
 * description would send a report per visit although nothing runs. So the /api proxy hands the browser product
 * details with the description already sanitized (the same policy, on the server); the browser's pass then finds
 * nothing to remove. Server renders sanitize in the mapper, as before. `sanitize`: the process's remembering
 * sanitizer (sanitizedHtml.ts), shared with renders, so a product the proxy or a render has seen costs a lookup.
 */
export function descriptionSanitizer(sanitize: (html: string) => string = sanitizeHtml): BackendCallContributor {
  return {
    name: 'description-sanitizer',
    prepare(call) {
      if (call.via !== 'proxy' || call.method !== 'GET' || !PRODUCT_DETAIL.test(call.path)) return undefined
      return {
        async transformResponse(response) {
          if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return response
          const text = await response.text()
          const headers = new Headers(response.headers)
          headers.delete('content-length')
          let body: unknown
          try {
            body = JSON.parse(text)
          }
          catch {
            // Unreadable: the browser's client reports it as such; nothing in it is rendered.
            return new Response(text, { status: response.status, statusText: response.statusText, headers })
          }
          const product = body as { description_html?: unknown }
          if (typeof product?.description_html === 'string') product.description_html = sanitize(product.description_html)
          return new Response(JSON.stringify(body), { status: response.status, statusText: response.statusText, headers })
        },
      }
    },
  }
}
