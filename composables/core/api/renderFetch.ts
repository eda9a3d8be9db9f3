import type { H3Event } from 'h3'
import { createFetch, type $Fetch } from 'ofetch'

/**
 * The server's backend gateway as a render sees it (server/utils/backend/gateway.ts): one call of the api core,
 * for the render of `event`, sent straight to the backend with the proxy's header, timeout and error policy.
 */
export interface RenderBackend {
  render(event: H3Event, url: string, init: RequestInit): Promise<Response>
  /** Backend HTML -> safe HTML, with utils/html/sanitize's policy (remembered per input by the process). */
  sanitizeHtml?(html: string): string
}

/** The gateway Nitro hands this request, if the server has one (server/plugins/backend.ts). */
export function renderBackendOf(event: H3Event | undefined): RenderBackend | undefined {
  const backend: unknown = event?.context.backend
  return backend && typeof (backend as RenderBackend).render === 'function' ? backend as RenderBackend : undefined
}

/**
 * The api core's fetch during a server render: ofetch as everywhere else (so bodies, statuses and errors are read
 * exactly as in the browser), but each request goes to the gateway instead of through Nitro's /api route.
 */
export function createRenderFetch(backend: RenderBackend, event: H3Event): $Fetch {
  return createFetch({
    fetch: (input, init) => backend.render(event, typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, init ?? {}),
  })
}
