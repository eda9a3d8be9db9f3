import { defineEventHandler } from 'h3'
import { useRuntimeConfig } from 'nitropack/runtime'
import { proxyToBackend } from '../utils/backendProxy'
import '../utils/backend/context'

// Everything under /api that no BFF route handles goes to the backend as-is, through the process's gateway
// (server/plugins/backend.ts): its breaker, contributors and the header policy server renders share.
// useRuntimeConfig() without the event: the process-wide copy, read-only here. With the event, Nitro clones the
// whole config and re-reads the environment for every request.
export default defineEventHandler((event) => {
  const path = event.path.replace(/^\/api/, '')
  if (event.context.backend) return event.context.backend.proxy(event, path)
  const { apiBase, apiTimeoutMs } = useRuntimeConfig()
  return proxyToBackend(event, apiBase, path, { timeoutMs: Number(apiTimeoutMs) || undefined })
})
