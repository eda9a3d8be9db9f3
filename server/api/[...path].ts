import { defineEventHandler } from 'h3'
import { useRuntimeConfig } from 'nitropack/runtime'
import { proxyToBackend } from '../utils/backendProxy'

// Everything under /api that no BFF route handles goes to the backend as-is.
export default defineEventHandler((event) => {
  const { apiBase, apiTimeoutMs } = useRuntimeConfig(event)
  return proxyToBackend(event, apiBase, event.path.replace(/^\/api/, ''), { timeoutMs: Number(apiTimeoutMs) || undefined })
})
