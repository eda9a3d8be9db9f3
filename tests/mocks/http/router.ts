import type { DemoContext, Params } from './context'

export type RouteHandler = (context: DemoContext) => Response | Promise<Response>

export interface Route {
  method: string
  /** Path after the base, with `{name}` parameters: "/products/{id}/". */
  template: string
  handle: RouteHandler
  /**
   * DRF authenticates every request before the view runs, so a bad Bearer token is a 401 even on public
   * endpoints. false: skip it (SimpleJWT's token views have authentication_classes = (); media files).
   */
  authenticate?: false
}

interface CompiledRoute extends Route {
  pattern: RegExp
  names: string[]
}

export type RouteMatch =
  | { kind: 'route', route: Route, params: Params }
  | { kind: 'method_not_allowed', template: string, allowed: string[] }
  | { kind: 'none' }

/** A tiny router: first template that matches wins; a matching path with the wrong method is DRF's 405. */
export function createRouter(routes: Route[]) {
  const compiled: CompiledRoute[] = routes.map((route) => {
    const names: string[] = []
    const source = route.template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name)
      return '([^/]+)'
    })
    return { ...route, pattern: new RegExp(`^${source}$`), names }
  })

  return {
    match(method: string, path: string): RouteMatch {
      const lookup = method === 'HEAD' ? 'GET' : method
      let template: string | null = null
      const allowed: string[] = []
      for (const route of compiled) {
        const found = route.pattern.exec(path)
        if (!found) continue
        // Templates are tried in order, so "/products/facets/" wins over "/products/{id}/".
        if (template !== null && route.template !== template) continue
        template = route.template
        allowed.push(route.method)
        if (route.method === lookup) {
          const params: Params = {}
          route.names.forEach((name, index) => {
            params[name] = decodeURIComponent(found[index + 1] as string)
          })
          return { kind: 'route', route, params }
        }
      }
      return template === null ? { kind: 'none' } : { kind: 'method_not_allowed', template, allowed }
    },
  }
}

export type Router = ReturnType<typeof createRouter>
