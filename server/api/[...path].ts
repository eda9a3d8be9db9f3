import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3'
import { useRuntimeConfig } from 'nitropack/runtime'
import { proxyToBackend } from '../utils/backendProxy'
import { planCartProxy } from '../utils/cart/cartProxy'
import { cartDeps } from '../utils/cart/context'

// Everything under /api that no BFF route handles goes to the backend as-is, except that cart calls get the
// cart token policy (server/utils/cart/): the guest token travels in an httpOnly cookie, never in script.
// useRuntimeConfig() without the event: the process-wide copy, read-only here. With the event, Nitro clones the
// whole config and re-reads the environment for every request, and a server render makes several of these.
export default defineEventHandler(async (event) => {
  const { apiBase, apiTimeoutMs } = useRuntimeConfig()
  const path = event.path.replace(/^\/api/, '')
  const cart = await planCartProxy(event, cartDeps(), path)
  if (cart.kind === 'refuse') {
    setResponseStatus(event, cart.status)
    setResponseHeader(event, 'cache-control', 'no-store')
    return cart.body
  }
  const options = cart.kind === 'proxy' ? cart.options : {}
  return proxyToBackend(event, apiBase, path, { timeoutMs: Number(apiTimeoutMs) || undefined, ...options })
})
