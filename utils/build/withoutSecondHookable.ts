import type { Plugin } from 'vite'
import { createRequire } from 'node:module'

// Nuxt 3 and unhead 2 depend on different majors of hookable (^5 and ^6), so every page's entry had two copies of
// it: Nuxt's app hooks and the head's (0.5 KiB of gzip in every first view). This gives unhead Nuxt's copy in the
// browser. unhead imports only `createHooks` from it and uses hook, addHooks and callHook, which 5 and 6 both have;
// what 6 changed is that callHook runs synchronous hooks synchronously (and returns nothing when none is
// registered), where 5 always returns a promise and starts the hooks a microtask later. unhead awaits every
// callHook whose outcome it needs (tag resolution, the DOM render) and ignores the rest ("entries:updated", which
// schedules the debounced render; "init"), so both behave the same for it. The server keeps unhead's own copy.

/** A module of unhead's or @unhead/vue's, wherever the package manager put it. */
const UNHEAD_MODULE = /[\\/]node_modules[\\/](?:unhead|@unhead[\\/]vue)[\\/]/

/** Client build only. */
export function withoutSecondHookable(): Plugin {
  // Nuxt's own import of hookable, resolved as Vite resolves any import of Nuxt's runtime.
  const nuxtRuntime = createRequire(import.meta.url).resolve('nuxt/package.json')
  return {
    name: 'storefront:without-second-hookable',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== 'hookable' || !importer || !UNHEAD_MODULE.test(importer)) return null
      return await this.resolve('hookable', nuxtRuntime, { skipSelf: true })
    },
  }
}
