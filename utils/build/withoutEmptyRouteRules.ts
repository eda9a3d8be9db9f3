import type { Plugin } from 'vite'

// Nuxt matches every client-side navigation against the route rules that act in the browser (redirect,
// appMiddleware, appLayout, payload, ssr) with a matcher compiled into every page's entry (#build/route-rules.mjs:
// rou3's compiled router, a path decoder and defu over the matches). The storefront has no such rule (its route
// policy is utils/routes/; nuxt-security's rules are response headers), so Nuxt compiles a matcher whose every match
// carries an empty object, and every path's answer is `{}`. This builds that answer instead of the matcher (-0.2 KiB
// of gzip in every entry). A rule with data for the browser keeps Nuxt's matcher, untouched.

/** The generated module (a Nuxt template, seen by Vite as a virtual module). */
const ROUTE_RULES_ID = /(?:^|[/:])\.nuxt(?:\/|%2F)route-rules\.mjs$/
/** What the matcher's rule data looks like: `const $0={}` (nothing) or `$0={redirect: "/new"}` (a rule). */
const RULE_DATA = /\$\d+=\{([^}]*)\}/g
/** How the template is recognized, so that a Nuxt upgrade that changes it warns instead of being guessed at. */
const TEMPLATE_MARK = 'const sensitiveMatcher = '

export const EMPTY_ROUTE_RULES = '// Every route rule is empty in the browser (utils/build/withoutEmptyRouteRules.ts).\nexport default () => ({})\n'

/** Client build only (the server's rules, with their headers, are Nitro's and are not read from this module). */
export function withoutEmptyRouteRules(): Plugin {
  return {
    name: 'storefront:without-empty-route-rules',
    apply: 'build',
    transform(code, id) {
      if (!ROUTE_RULES_ID.test(id.split('?')[0]!)) return null
      if (!code.includes(TEMPLATE_MARK)) {
        this.warn(`${id}: Nuxt's route-rules template changed; its matcher stays in the entry (update withoutEmptyRouteRules)`)
        return null
      }
      const data = [...code.matchAll(RULE_DATA)]
      if (!data.length || data.some(([, fields]) => fields!.trim() !== '')) return null
      return { code: EMPTY_ROUTE_RULES, map: null }
    },
  }
}
