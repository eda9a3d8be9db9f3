import { defineEventHandler } from 'h3'
import { useRuntimeConfig } from '#imports'
import { proxyToBackend } from '../utils/backendProxy'

// Everything under /api that no BFF route handles goes to the backend as-is.
export default defineEventHandler((event) => {
  const { apiBase } = useRuntimeConfig(event)
  return proxyToBackend(event, apiBase, event.path.replace(/^\/api/, ''))
})
