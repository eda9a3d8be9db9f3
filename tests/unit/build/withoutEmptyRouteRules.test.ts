import { describe, expect, it } from 'vitest'
import { EMPTY_ROUTE_RULES, withoutEmptyRouteRules } from '~/utils/build/withoutEmptyRouteRules'

// Nuxt's #build/route-rules.mjs as Nuxt 3.21 generates it (@nuxt/nitro-server), with the compiled matcher's rule data
// as given: `{}` when the app's route rules carry nothing for the browser (this app's nuxt-security headers).
function template(data: string): string {
  return [
    `import { defu } from 'defu'`,
    `import routerOptions from '#build/router.options.mjs'`,
    `const sensitiveMatcher = /* @__PURE__ */ (() => { const ${data}; return (m,p)=>{let r=[];r.push({data:$0,params:{"_":p.slice(1),}});return r.reverse();}})()`,
    `const foldedMatcher = sensitiveMatcher`,
    `export default (path) => routerOptions.sensitive`,
    `  ? defu({}, ...sensitiveMatcher('', path).map(r => r.data).reverse())`,
    `  : defu({}, ...foldedMatcher('', path.toLowerCase()).map(r => r.data).reverse())`,
  ].join('\n')
}

const ID = 'virtual:nuxt:/app/.nuxt/route-rules.mjs'

function transform(code: string, id = ID): { code: string | null, warnings: string[] } {
  const warnings: string[] = []
  const hook = withoutEmptyRouteRules().transform as unknown as (this: { warn: (m: string) => void }, code: string, id: string) => { code: string } | null
  return { code: hook.call({ warn: m => warnings.push(m) }, code, id)?.code ?? null, warnings }
}

describe('withoutEmptyRouteRules', () => {
  it('answers {} for every path without the matcher when no rule has data for the browser', async () => {
    expect(transform(template('$0={}'))).toEqual({ code: EMPTY_ROUTE_RULES, warnings: [] })
    expect(transform(template('$0={},$1={}'), 'virtual:nuxt:.nuxt%2Froute-rules.mjs').code).toBe(EMPTY_ROUTE_RULES)
    const rules = await import(`data:text/javascript,${encodeURIComponent(EMPTY_ROUTE_RULES)}`) as { default: (path: string) => object }
    expect(rules.default('/products/1-blue-mug')).toEqual({})
  })

  it('keeps Nuxt\'s matcher when a rule redirects, sets middleware or a layout in the browser', () => {
    expect(transform(template('$0={redirect: "/new"},$1={}'))).toEqual({ code: null, warnings: [] })
    expect(transform(template('$0={appMiddleware: {"auth":true}}')).code).toBeNull()
  })

  it('warns and keeps the module when Nuxt\'s template is no longer the one it knows', () => {
    const { code, warnings } = transform('export default (path) => lookup(path)')
    expect(code).toBeNull()
    expect(warnings).toEqual([expect.stringContaining('withoutEmptyRouteRules')])
  })

  it('leaves every other module alone', () => {
    expect(transform(template('$0={}'), '/app/utils/routes/policy.ts').code).toBeNull()
  })
})
