import type { H3Event } from 'h3'
import { proxyToBackend } from '../backendProxy'
import type { AuthDeps } from '../auth/deps'
import { sessionForRender } from '../auth/renderSession'
import { anonymousRead } from './anonymousRead'
import { throughBreaker, type BackendBreaker } from './breakerGate'
import type { BackendCallContributor } from './contributors'
import { renderHeaders } from './headerPolicy'
import { subRequestHeaders } from '../requestId'
import type { PublicReads } from './publicReads'
import { jsonAnswer, sendToBackend, type BackendTarget } from './sendToBackend'

/** The proxy's own prefix: a render's api core addresses the backend as `/api/<backend path>`, like a browser. */
const API_PREFIX = '/api'

/**
 * BFF routes (server/api/auth/*) a render may reach: anything else under /api is a backend path, and the backend's
 * own token endpoints are refused there (proxy/backendPath.ts).
 */
const BFF_ROUTES = new Set(['/auth/login', '/auth/register', '/auth/refresh', '/auth/logout', '/auth/logout-all', '/auth/session'])

function isBffRoute(path: string): boolean {
  return BFF_ROUTES.has(path.split('?')[0] ?? '')
}

/** What a render's api core hands to fetch (ofetch has already joined the base URL and the query). */
export interface RenderFetchInit {
  method?: string
  headers?: HeadersInit
  body?: BodyInit | null
  signal?: AbortSignal | null
}

/**
 * Everything about the backend that is one per server process: where it is, its breaker (shared by the /api
 * proxy and every render), the shared public reads and the per-shopper contributors. Holds nothing personal.
 * server/plugins/backend.ts makes it and hands it to each request as `event.context.backend`.
 */
export interface BackendGateway {
  readonly apiBase: string
  /** An answer slower than this is given up on (504 `upstream_timeout`); the auth BFF's calls keep to it too. */
  readonly timeoutMs: number
  readonly breaker: BackendBreaker
  /** The /api proxy for a browser's call (server/api/[...path].ts). */
  proxy(event: H3Event, pathAndQuery: string): Promise<ReadableStream<Uint8Array> | null>
  /**
   * One call of a server render's api core, for the render of `event`: straight to the backend with the same
   * policy as the proxy (one HTTP request, no trip through Nitro), a shared public read from memory, or for a BFF
   * route the BFF's own logic (the session without any request at all).
   */
  render(event: H3Event, url: string, init: RenderFetchInit): Promise<Response>
  /**
   * A GET the server makes on its own account for the request `event` (the sitemap's catalog walk): backend `path`
   * sent as nobody (anonymousRead.ts) through the same breaker, header policy and timeout as the proxy and renders,
   * or a shared public read from memory. Made for everybody, so it carries no client's address or identity, only
   * `event`'s request id (headerPolicy.ts, sharedReadHeaders). A failure is an answer (502/504 JSON, 503 `circuit_open` while the breaker
   * is open), never an exception.
   */
  read(event: H3Event, path: string): Promise<Response>
  /**
   * utils/html/sanitize's policy, remembered per input for this process (server/utils/content/sanitizedHtml.ts):
   * what a render's product service sanitizes descriptions with. Pure, so sharing it shares nothing personal.
   */
  sanitizeHtml(html: string): string
}

export interface GatewayOptions {
  apiBase: string
  /** The site's public origin (runtimeConfig.public.siteUrl): the host a shared read names, never a request's. */
  publicOrigin?: string
  timeoutMs: number
  breaker: BackendBreaker
  publicReads: PublicReads
  contributors: readonly BackendCallContributor[]
  authDeps: () => AuthDeps
  sanitizeHtml: (html: string) => string
}

/** Rejects with the caller's abort reason as soon as it aborts, while `promise` (shared by others) goes on. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

export function createBackendGateway(options: GatewayOptions): BackendGateway {
  const target: BackendTarget = { apiBase: options.apiBase, timeoutMs: options.timeoutMs, contributors: options.contributors, publicOrigin: options.publicOrigin }

  function read(event: H3Event, path: string): Promise<Response> {
    const load = () => anonymousRead(event, target, options.breaker, path)
    return options.publicReads.covers('GET', path) ? options.publicReads.get(path, load) : load()
  }

  async function renderBff(event: H3Event, path: string, method: string, init: RenderFetchInit): Promise<Response> {
    if (method === 'GET' && path.split('?')[0] === '/auth/session') {
      const answer = await sessionForRender(event, options.authDeps())
      return answer.ok ? jsonAnswer(200, answer.access ? { user: answer.user, access: answer.access } : { user: answer.user }) : jsonAnswer(answer.status, answer.body)
    }
    // Sign-in flows never run during a render; a refresh after a 401 does, rarely: in-process as before, with the
    // page's cookie, its Set-Cookie forwarded by the api plugin (composables/core/api/forwardSetCookies.ts), and
    // the page's request id.
    return event.fetch(API_PREFIX + path, { method, headers: subRequestHeaders(event, init.headers), body: init.body, signal: init.signal ?? undefined })
  }

  return {
    apiBase: options.apiBase,
    timeoutMs: options.timeoutMs,
    breaker: options.breaker,
    sanitizeHtml: options.sanitizeHtml,
    proxy: (event, pathAndQuery) => proxyToBackend(event, options.apiBase, pathAndQuery, { timeoutMs: options.timeoutMs, breaker: options.breaker, contributors: options.contributors }),
    async render(event, url, init) {
      const path = url.startsWith(API_PREFIX) ? url.slice(API_PREFIX.length) : url
      const method = (init.method ?? 'GET').toUpperCase()
      if (isBffRoute(path)) return renderBff(event, path, method, init)
      const signal = init.signal ?? undefined
      // A shared read goes out as nobody: no token, no cookie-derived header, nothing that depends on who asks.
      if (options.publicReads.covers(method, path)) return untilAborted(read(event, path), signal)
      return throughBreaker(options.breaker, path, () => sendToBackend(event, target, {
        method,
        path,
        headers: renderHeaders(init.headers),
        body: init.body,
        signal,
        via: 'render',
      }), signal)
    },
    read,
  }
}
