import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'

// Nuxt merges its own router options (nuxt/dist/pages/runtime/router.options.js: a scrollBehavior) with the app's
// (app/router.options.ts) as `{ ...nuxt, ...app }` in #build/router.options.mjs. A key the app defines replaces
// Nuxt's whole, so Nuxt's scrollBehavior never runs here, yet an object spread cannot be tree-shaken: it and its
// helpers sat in every page's entry (~0.3 KiB of gzip). When every key Nuxt's module exports is one the app's
// module defines, Nuxt's module is built as the empty object it amounts to after the spread. An app that stops
// defining one of them gets Nuxt's module back, untouched; a Nuxt whose module no longer reads as expected warns.

/** Nuxt's built-in router options module. */
const BUILT_IN = /[\\/]nuxt[\\/]dist[\\/]pages[\\/]runtime[\\/]router\.options\.js$/

export const EMPTY_ROUTER_OPTIONS = '// Every key is the app\'s (utils/build/withoutOverriddenRouterOptions.ts).\nexport default {}\n'

/**
 * The keys of a module's `export default { ... }` object literal (optionally `<Type>{`), read from its two-space
 * indented members; null when the module has no such export.
 */
export function defaultExportKeys(code: string): string[] | null {
  const start = code.search(/^export default (?:<\w+>)?\{$/m)
  if (start < 0) return null
  const body = code.slice(start)
  const end = body.search(/^\};?$/m)
  if (end < 0) return null
  return [...body.slice(0, end).matchAll(/^ {2}(?:async )?([A-Za-z_$][\w$]*)\s*[(:,]/gm)].map(match => match[1]!)
}

/** Client build only. `appRouterOptions`: the path of the app's router options (app/router.options.ts). */
export function withoutOverriddenRouterOptions({ appRouterOptions }: { appRouterOptions: string }): Plugin {
  return {
    name: 'storefront:without-overridden-router-options',
    apply: 'build',
    transform(code, id) {
      if (!BUILT_IN.test(id.split('?')[0]!)) return null
      const nuxtKeys = defaultExportKeys(code)
      if (!nuxtKeys?.length) {
        this.warn(`${id}: Nuxt's router options changed; they stay in the entry (update withoutOverriddenRouterOptions)`)
        return null
      }
      let appKeys: string[] | null = null
      try {
        appKeys = defaultExportKeys(readFileSync(appRouterOptions, 'utf8'))
      }
      catch {
        // No router options of the app's: Nuxt's are the ones in use.
      }
      if (!appKeys || !nuxtKeys.every(key => appKeys.includes(key))) return null
      return { code: EMPTY_ROUTER_OPTIONS, map: null }
    },
  }
}
