import type { Plugin } from 'vite'

// Every lazily loaded chunk of the app (a page, a Lazy component, a part hydrated when idle) is imported through
// Vite's preload helper. When the import fails (the connection dropped, the shop did not answer), Vue renders
// nothing in the component's place, for good: a product page opened offline stayed an empty <main> after the
// connection came back. This hands such a failure to the page's inline chunk-retry script
// (server/utils/html/chunkRetry.ts), which tells the shopper, waits for the connection or retries a few times, and
// resolves the import in place: nothing on the page is reloaded, so nothing typed or chosen is lost. What it gives up
// on is thrown as before (Nuxt then reloads at the next navigation: the fix after a deploy removed the chunk).
// The hook is one call in the entry; the logic is inline HTML, outside the first view's JavaScript. The call assumes
// the global: every page the server renders defines it before the app runs (server/plugins/beforeHydration.ts), and
// the few bytes a check would cost are more than some pages' budgets have left (a page without it would throw a
// ReferenceError where the import failed, into the same handling as before).

/** Vite's virtual module for the helper (vite:build-import-analysis). */
export const PRELOAD_HELPER_ID = '\0vite/preload-helper.js'
/** The global the inline script defines: `(load) => Promise<module>`, load() retried as the script decides. */
export const CHUNK_RETRY_GLOBAL = '__retryChunk'

export const PRELOAD_HELPER_REWRITE = {
  from: 'return baseModule().catch(handlePreloadError);',
  to: `return ${CHUNK_RETRY_GLOBAL}(baseModule).catch(handlePreloadError);`,
} as const

/** Client build only; a Vite upgrade that changes the helper's text stops the build rather than silently losing it. */
export function retryableChunkImports(): Plugin {
  return {
    name: 'storefront:retryable-chunk-imports',
    apply: 'build',
    transform(code, id) {
      if (id !== PRELOAD_HELPER_ID) return
      if (!code.includes(PRELOAD_HELPER_REWRITE.from)) this.error(`Vite's preload helper no longer contains "${PRELOAD_HELPER_REWRITE.from}": update utils/build/retryableChunkImports.ts`)
      return { code: code.replace(PRELOAD_HELPER_REWRITE.from, PRELOAD_HELPER_REWRITE.to), map: null }
    },
  }
}
