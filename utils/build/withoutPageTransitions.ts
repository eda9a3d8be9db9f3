import type { Plugin } from 'vite'

// Nuxt wraps every page in <Transition> and <KeepAlive> when a page or layout transition or keep-alive is configured,
// and decides that at run time, so Vue's Transition and KeepAlive (1.3 KiB of gzip) ship in every page's entry even
// when nothing uses them. The storefront configures none (a page change moves focus and announces the page; it does
// not animate). These two rewrites make Nuxt's wrappers pass their children through, and Rollup drops the rest.
interface Rewrite {
  file: RegExp
  from: string
  to: string
}

export const PAGE_WRAPPER_REWRITES: readonly Rewrite[] = [
  {
    file: /\/nuxt\/dist\/app\/components\/utils\.js$/,
    from: 'import.meta.client && props ? h(Transition, props === true ? {} : props, children) : children.default?.()',
    to: 'children.default?.()',
  },
  {
    file: /\/nuxt\/dist\/pages\/runtime\/utils\.js$/,
    from: 'import.meta.client && props ? h(KeepAlive, props === true ? {} : props, children) : children',
    to: 'children',
  },
]

/** Options that would need the wrappers, as definePageMeta and <NuxtPage>/<NuxtLayout> props spell them. */
const NEEDS_WRAPPERS = /\b(?:pageTransition|layoutTransition)\b|<Nuxt(?:Page|Layout)\b[^>]*\b(?:transition|keepalive)\b/
/** `keepalive` alone also names a fetch option: only where page meta is declared. */
const NEEDS_KEEPALIVE = /\bkeepalive\s*:/
const PAGE_META_FILE = /\/(?:pages\/[^?]+|app|layouts\/[^?]+)\.vue$/

export interface WithoutPageTransitionsOptions {
  /** Where the app's own source lives: a module there naming a transition or keep-alive stops the build. */
  srcDir: string
}

/** Client build only: the server render never wraps (Nuxt's wrappers are client-only already). */
export function withoutPageTransitions(options: WithoutPageTransitionsOptions): Plugin {
  return {
    name: 'storefront:without-page-transitions',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]!
      const own = path.startsWith(options.srcDir) && !path.includes('/node_modules/')
      if (own && (NEEDS_WRAPPERS.test(code) || (PAGE_META_FILE.test(path) && NEEDS_KEEPALIVE.test(code)))) {
        this.error(`${path} configures a page/layout transition or keep-alive; remove withoutPageTransitions() from nuxt.config.ts to use it`)
      }
      const rewrite = PAGE_WRAPPER_REWRITES.find(candidate => candidate.file.test(path))
      if (!rewrite) return null
      if (!code.includes(rewrite.from)) {
        this.warn(`${path}: Nuxt's wrapper changed; the page bundle keeps Transition/KeepAlive (update ${PAGE_WRAPPER_REWRITES.length} rewrites)`)
        return null
      }
      return { code: code.replace(rewrite.from, rewrite.to), map: null }
    },
  }
}
