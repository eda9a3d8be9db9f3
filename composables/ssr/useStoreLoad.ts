import { callOnce } from '#app'

/**
 * Loads what a page shows into a store, keyed like the data it loads.
 * - Server: awaited, so the HTML has the data; the store carries it to the browser in the Pinia payload.
 * - Browser, hydrating: skipped for every key the server loaded (success or error is already in the store).
 * - Browser, client navigation: started without waiting, so the page renders at once from the store's cache or
 *   with skeletons; the store decides whether its copy is fresh enough.
 * The stores hold the data, status and error, so useAsyncData's own copies of them were redundant; this is
 * Nuxt's callOnce (once per navigation) around the load, and keeps useAsyncData's 2.7 KiB gzip of code out of
 * the catalog pages' first view. A load that throws is logged: the store already shows its failure.
 */
export async function useStoreLoad(key: string, load: () => Promise<unknown>): Promise<void> {
  const run = () => load().catch((error: unknown) => {
    console.error(`[store load] ${key}`, error)
  })
  await callOnce(key, () => (import.meta.server ? run() : void run()), { mode: 'navigation' })
}
