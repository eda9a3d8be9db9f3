import { defineEventHandler } from 'h3'
import { useRuntimeConfig } from 'nitropack/runtime'
import { proxyToBackend } from '../utils/backendProxy'

// Everything under /api that no BFF route handles goes to the backend as-is.
// useRuntimeConfig() without the event: the process-wide copy, read-only here. With the event, Nitro clones the
// whole config and re-reads the environment for every request, and a server render makes several of these.
export default defineEventHandler((event) => {
  const { apiBase, apiTimeoutMs } = useRuntimeConfig()
  return proxyToBackend(event, apiBase, event.path.replace(/^\/api/, ''), { timeoutMs: Number(apiTimeoutMs) || undefined })
})
