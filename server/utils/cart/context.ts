import { useRuntimeConfig } from 'nitropack/runtime'
import type { CartProxyDeps } from './cartProxy'

/** The cart proxy's dependencies, from the process-wide runtime config (read-only, not cloned per request). */
export function cartDeps(): CartProxyDeps {
  const config = useRuntimeConfig()
  return {
    apiBase: config.apiBase,
    cookie: { secure: !import.meta.dev },
    siteUrl: config.public.siteUrl,
  }
}
