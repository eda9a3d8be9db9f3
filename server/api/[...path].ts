import { defineEventHandler } from 'h3'
import { useRuntimeConfig } from 'nitropack/runtime'
import { authDeps } from '../utils/auth/context'
import { passwordResetCall, throttlePasswordReset, type PasswordResetCall } from '../utils/auth/passwordResetThrottle'
import { answeringStorageOutage } from '../utils/auth/storageOutage'
import { proxyToBackend } from '../utils/backendProxy'
import '../utils/backend/context'

// The BFF's limits on the backend's password reset: without them, the limits could not be read (Redis down), the
// call is declined as sign-in is, not sent unthrottled.
const throttleReset = (call: PasswordResetCall) => answeringStorageOutage(
  'Resetting passwords is unavailable for a moment. Please try again in a minute.',
  event => throttlePasswordReset(event, authDeps(), call),
)

// Everything under /api that no BFF route handles goes to the backend as-is, through the process's gateway
// (server/plugins/backend.ts): its breaker, contributors and the header policy server renders share.
// useRuntimeConfig() without the event: the process-wide copy, read-only here. With the event, Nitro clones the
// whole config and re-reads the environment for every request.
export default defineEventHandler(async (event) => {
  const path = event.path.replace(/^\/api/, '')
  const reset = passwordResetCall(event.method, path)
  if (reset) {
    const refused = await throttleReset(reset)(event)
    if (refused) return refused
  }
  if (event.context.backend) return event.context.backend.proxy(event, path)
  const { apiBase, apiTimeoutMs } = useRuntimeConfig()
  return proxyToBackend(event, apiBase, path, { timeoutMs: Number(apiTimeoutMs) || undefined })
})
