import type { DemoDb } from '../db/DemoDb'
import type { TokenService } from '../auth/tokens'
import { createContext } from './context'
import { faultResponse } from './faults'
import type { FaultRegistry, Stats } from './faults'
import { HttpError, detail, methodNotAllowed } from './responses'
import type { Router } from './router'

export interface DispatcherDeps {
  db: DemoDb
  tokens: TokenService
  faults: FaultRegistry
  stats: Stats
  /** The commerce API, counted in stats and subject to faults. */
  api: Router
  /** /__health/, /__faults/, /__stats/ ...: never counted, never faulted. */
  meta: Router
  basePath: string
}

const wait = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

async function run(handler: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await handler()
  }
  catch (error) {
    if (error instanceof HttpError) return error.response
    console.error('[demo-api] unhandled error', error)
    return detail(500, 'A server error occurred.')
  }
}

function withoutBody(response: Response): Response {
  return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers })
}

/** One request through the demo backend: meta routes, then stats + faults, then the API router. */
export function createDispatcher(deps: DispatcherDeps) {
  const { db, tokens, faults, stats, api, meta, basePath } = deps

  return async function dispatch(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url)
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return undefined
    const path = url.pathname.slice(basePath.length) || '/'
    const method = request.method.toUpperCase()
    const contextFor = (params: Record<string, string>) => createContext({ request, url, db, tokens, basePath, path, params })

    if (path.startsWith('/__')) {
      const found = meta.match(method, path)
      if (found.kind === 'route') return run(() => found.route.handle(contextFor(found.params)))
      if (found.kind === 'method_not_allowed') return methodNotAllowed(method, found.allowed)
      return detail(404, 'Not found.')
    }

    const found = api.match(method, path)
    const template = found.kind === 'route' ? found.route.template : found.kind === 'method_not_allowed' ? found.template : '(unmatched)'
    const fault = faults.take(method, path)
    stats.record(`${method} ${template}`, fault !== null, request.headers)
    if (fault) {
      if (fault.latency_ms > 0) await wait(fault.latency_ms)
      if (fault.status !== null || fault.body === 'reset') return faultResponse(fault, method)
    }

    if (found.kind === 'route') {
      const context = contextFor(found.params)
      const response = await run(async () => {
        if (found.route.authenticate !== false) await context.user()
        return found.route.handle(context)
      })
      return method === 'HEAD' ? withoutBody(response) : response
    }
    if (method === 'OPTIONS' && found.kind === 'method_not_allowed') {
      return new Response(null, { status: 200, headers: { Allow: [...found.allowed, 'OPTIONS'].join(', ') } })
    }
    if (found.kind === 'method_not_allowed') return methodNotAllowed(method, found.allowed)
    // Django's APPEND_SLASH: a GET without the trailing slash is redirected; other methods just miss.
    if (!path.endsWith('/') && (method === 'GET' || method === 'HEAD') && api.match('GET', `${path}/`).kind === 'route') {
      return new Response(null, { status: 301, headers: { Location: `${url.pathname}/${url.search}` } })
    }
    return detail(404, 'Not found.')
  }
}
