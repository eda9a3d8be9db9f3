import { defineNuxtPlugin, onNuxtReady, useRequestEvent, useRequestFetch, useRuntimeConfig } from '#app'
import { appendResponseHeader } from 'h3'
import type { $Fetch } from 'ofetch'
import { createApiCore } from '~/composables/core/api/createApiCore'
import { forwardSetCookies } from '~/composables/core/api/forwardSetCookies'
import { createRenderFetch, renderBackendOf } from '~/composables/core/api/renderFetch'

// Nitro's route-typed $Fetch and ofetch's are the same function; comparing their generic types directly
// exceeds the compiler's depth limit once there are enough server routes, so the view is changed through unknown.
function asOfetch(fetch: unknown): $Fetch {
  return fetch as $Fetch
}

// One client and one session per Nuxt app: in SSR that is one per request, so nothing is shared between shoppers.
// Other plugins subscribe to observability with `nuxtApp.$api.hooks.add({...})` (declare `dependsOn: ['api']`).
export default defineNuxtPlugin({
  name: 'api',
  setup() {
    const settings = useRuntimeConfig().public.api
    const server = import.meta.server
    const event = server ? useRequestEvent() : undefined
    // On the server, calls go straight to the backend through Nitro's gateway (same header, timeout and error
    // policy as the /api proxy, the process's breaker); without one, through the /api routes in-process.
    // (import.meta.server spelled out in each condition, so the client build drops this code and its imports.)
    const backend = import.meta.server ? renderBackendOf(event) : undefined
    const fetch = import.meta.server && backend && event
      ? createRenderFetch(backend, event)
      : server ? asOfetch(useRequestFetch()) : asOfetch($fetch)
    const { api, session } = createApiCore({
      fetch,
      baseURL: '/api',
      // A server render holds the whole page: it waits less and retries less than a browser request.
      timeoutMs: server ? settings.ssrTimeoutMs : settings.timeoutMs,
      retry: {
        maxRetries: server ? settings.ssrMaxRetries : settings.maxRetries,
        baseDelayMs: settings.retryBaseDelayMs,
        maxDelayMs: settings.retryMaxDelayMs,
        maxRetryAfterMs: settings.maxRetryAfterMs,
        budgetMs: server ? settings.ssrRetryBudgetMs : undefined,
      },
      // The gateway's breaker is the one for the backend in this process; a render keeps no breaker of its own.
      breaker: backend ? false : { failureThreshold: settings.breakerFailureThreshold, cooldownMs: settings.breakerCooldownMs },
    })
    if (event) api.hooks.add(forwardSetCookies(cookie => appendResponseHeader(event, 'set-cookie', cookie)))
    // The transport is not part of the page's JavaScript (hydration sends no request): fetch it once idle, so the
    // shopper's first scroll, search or sign-in does not wait for it.
    if (import.meta.client) onNuxtReady(() => void api.warm())
    return { provide: { api, apiSession: session } }
  },
})
