import type { $Fetch } from 'ofetch'

/**
 * A `$fetch` that loads ofetch on its first call. Nuxt installs `globalThis.$fetch` from ofetch in every page's
 * entry (1.7 KiB of gzip JavaScript), yet a hydrating page sends no request: the api transport, which imports
 * ofetch itself, loads when the browser is idle (plugins/api.ts), and so by the first request ofetch is there.
 * nuxt.config.ts puts this in place of Nuxt's fetch.mjs; on the server, Nitro's $fetch is already installed.
 * A failed load is forgotten, so the next call tries again.
 */
export function createLazyFetch(load: () => Promise<$Fetch>): $Fetch {
  let loading: Promise<$Fetch> | null = null
  const loaded = (): Promise<$Fetch> => (loading ??= load().catch((error: unknown) => {
    loading = null
    throw error
  }))
  const call = (request: Parameters<$Fetch>[0], options?: Parameters<$Fetch>[1]) => loaded().then(fetch => fetch(request, options))
  return Object.assign(call, {
    raw: (request: Parameters<$Fetch['raw']>[0], options?: Parameters<$Fetch['raw']>[1]) => loaded().then(fetch => fetch.raw(request, options)),
    native: (...args: Parameters<typeof fetch>) => fetch(...args),
    create: (...args: Parameters<$Fetch['create']>) => createLazyFetch(() => loaded().then(fetch => fetch.create(...args))),
  }) as $Fetch
}
