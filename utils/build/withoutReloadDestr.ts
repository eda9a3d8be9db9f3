import type { Plugin } from 'vite'

// Nuxt's reloadNuxtApp (which its chunk-reload plugin, in every entry, calls when a page's chunk fails to load) reads
// back the `{ path, expires }` it wrote to sessionStorage with JSON.stringify through destr, a forgiving JSON
// parser: that put all of destr in every page's entry (0.5 KiB of gzip) for one read of Nuxt's own JSON. JSON.parse
// reads it the same; the call is inside a try whose catch keeps `{}`, which is what destr's answer for anything
// else (a string) amounted to: no remembered path, so the reload goes ahead, as before. destr still comes with
// ofetch, which loads with the first request (composables/core/api/lazyFetch.ts), outside the first view.

/** Nuxt's composables/chunk.js, which holds reloadNuxtApp. */
const CHUNK_MODULE = /[\\/]nuxt[\\/]dist[\\/]app[\\/]composables[\\/]chunk\.js$/

export const RELOAD_DESTR_REWRITES = [
  { from: 'import destr from "destr";\n', to: '' },
  { from: 'destr(sessionStorage.getItem("nuxt:reload") || "{}")', to: 'JSON.parse(sessionStorage.getItem("nuxt:reload") || "{}")' },
] as const

/** Client build only. A Nuxt that reads more through destr there keeps it (with a warning). */
export function withoutReloadDestr(): Plugin {
  return {
    name: 'storefront:without-reload-destr',
    apply: 'build',
    transform(code, id) {
      if (!CHUNK_MODULE.test(id.split('?')[0]!)) return null
      const calls = code.split('destr(').length - 1
      if (calls !== 1 || RELOAD_DESTR_REWRITES.some(({ from }) => !code.includes(from))) {
        this.warn(`${id}: Nuxt's reloadNuxtApp changed; destr stays in the entry (update withoutReloadDestr)`)
        return null
      }
      return { code: RELOAD_DESTR_REWRITES.reduce((out, { from, to }) => out.replace(from, to), code), map: null }
    },
  }
}
