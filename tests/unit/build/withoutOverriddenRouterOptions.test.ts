import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { EMPTY_ROUTER_OPTIONS, defaultExportKeys, withoutOverriddenRouterOptions } from '~/utils/build/withoutOverriddenRouterOptions'

// Nuxt's own router options, as installed, and the app's: the test follows a Nuxt upgrade and the app's file.
const NUXT_PATH = createRequire(import.meta.url).resolve('nuxt/package.json').replace(/package\.json$/, 'dist/pages/runtime/router.options.js')
const NUXT_OPTIONS = readFileSync(NUXT_PATH, 'utf8')
const APP_PATH = fileURLToPath(new URL('../../../app/router.options.ts', import.meta.url))

function transform(code: string, appRouterOptions = APP_PATH, id = NUXT_PATH): { code: string | null, warnings: string[] } {
  const warnings: string[] = []
  const hook = withoutOverriddenRouterOptions({ appRouterOptions }).transform as unknown as (this: { warn: (m: string) => void }, code: string, id: string) => { code: string } | null
  return { code: hook.call({ warn: m => warnings.push(m) }, code, id)?.code ?? null, warnings }
}

/** An app router options file with these members, in a fresh directory. */
function appOptions(members: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'router-options-')), 'router.options.ts')
  writeFileSync(path, `import type { RouterConfig } from 'nuxt/schema'\n\nexport default <RouterConfig>{\n${members}\n}\n`)
  return path
}

describe('withoutOverriddenRouterOptions', () => {
  it('builds Nuxt\'s router options as {} when the app defines every key they have', async () => {
    expect(defaultExportKeys(NUXT_OPTIONS)).toEqual(['scrollBehavior'])
    expect(defaultExportKeys(readFileSync(APP_PATH, 'utf8'))).toContain('scrollBehavior')
    expect(transform(NUXT_OPTIONS)).toEqual({ code: EMPTY_ROUTER_OPTIONS, warnings: [] })
    // What #build/router.options.mjs merges is the app's own, as before.
    const nuxt = await import(`data:text/javascript,${encodeURIComponent(EMPTY_ROUTER_OPTIONS)}`) as { default: object }
    const app = { scrollBehavior: () => false }
    expect({ ...nuxt.default, ...app }).toEqual(app)
  })

  it('keeps Nuxt\'s router options when the app leaves one of their keys to Nuxt, or has none', () => {
    expect(transform(NUXT_OPTIONS, appOptions('  hashMode: false,\n  linkActiveClass: \'active\','))).toEqual({ code: null, warnings: [] })
    // A scrollBehavior nested in something else is not the app's scrollBehavior.
    expect(transform(NUXT_OPTIONS, appOptions('  routes: (routes) => routes.map(route => ({\n    scrollBehavior() {},\n  })),')).code).toBeNull()
    expect(transform(NUXT_OPTIONS, join(tmpdir(), 'no-such-dir', 'router.options.ts'))).toEqual({ code: null, warnings: [] })
  })

  it('keeps them with a warning when Nuxt\'s module no longer reads as an object of options', () => {
    const { code, warnings } = transform('const options = {}\nexport default options\n')
    expect(code).toBeNull()
    expect(warnings).toEqual([expect.stringContaining('withoutOverriddenRouterOptions')])
  })

  it('keeps them when Nuxt adds a key the app does not define', () => {
    const more = NUXT_OPTIONS.replace(/^export default \{$/m, 'export default {\n  linkExactActiveClass: "exact",')
    expect(defaultExportKeys(more)).toEqual(['linkExactActiveClass', 'scrollBehavior'])
    expect(transform(more).code).toBeNull()
  })

  it('leaves every other module alone', () => {
    expect(transform(NUXT_OPTIONS, APP_PATH, '/app/node_modules/nuxt/dist/pages/runtime/plugins/router.js').code).toBeNull()
  })
})
