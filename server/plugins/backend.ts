import { defineNitroPlugin, useRuntimeConfig } from 'nitropack/runtime'
import { authDeps } from '../utils/auth/context'
import { profileChangeContributor } from '../utils/auth/profileChangeContributor'
import { cartContributor } from '../utils/cart/cartProxy'
import { cartDeps } from '../utils/cart/context'
import { descriptionSanitizer } from '../utils/content/descriptionSanitizer'
import { createSanitizedHtml } from '../utils/content/sanitizedHtml'
import { createBackendBreaker } from '../utils/backend/breakerGate'
import type { BackendCallContributor } from '../utils/backend/contributors'
import { createBackendGateway } from '../utils/backend/gateway'
import { createPublicReads } from '../utils/backend/publicReads'
import '../utils/backend/context'

// One gateway per server process: the backend's breaker (shared by the /api proxy and every render), the shared
// public reads and the contributors. Handed to each request; nothing in it belongs to a shopper.
export default defineNitroPlugin((nitroApp) => {
  const config = useRuntimeConfig()
  const api = config.public.api
  // Every policy that takes part in the backend calls, in the order they apply (contributors.ts).
  // Product descriptions are sanitized once per distinct markup, for the proxy and renders alike.
  const sanitizeHtml = createSanitizedHtml()
  const contributors: BackendCallContributor[] = [profileChangeContributor(authDeps), cartContributor(cartDeps), descriptionSanitizer(sanitizeHtml)]
  const timeoutMs = Number(config.apiTimeoutMs) || 8_000
  // The proxy must give up before the browser does, or the breaker never hears of a hanging backend (nuxt.config.ts).
  if (timeoutMs >= Number(api.timeoutMs)) {
    console.warn(`[backend] NUXT_API_TIMEOUT_MS (${timeoutMs}) is not below the browser's timeout (${Number(api.timeoutMs)}): a hanging backend will not open the circuit breaker while only browsers call`)
  }
  const gateway = createBackendGateway({
    apiBase: String(config.apiBase),
    publicOrigin: String(config.public.siteUrl),
    timeoutMs,
    breaker: createBackendBreaker({ failureThreshold: Number(api.breakerFailureThreshold), cooldownMs: Number(api.breakerCooldownMs) }),
    publicReads: createPublicReads({ ttlMs: Math.max(0, Number(config.sharedReadsTtlS) || 0) * 1000 }),
    contributors,
    authDeps,
    sanitizeHtml,
  })
  nitroApp.hooks.hook('request', (event) => {
    event.context.backend = gateway
  })
})
