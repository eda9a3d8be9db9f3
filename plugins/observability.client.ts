import { defineNuxtPlugin, onNuxtReady, useNuxtApp, useRuntimeConfig } from '#app'
import type { ApiHooks } from '~/composables/core/api/types'
import type { EarlyReport } from '~/utils/observability/browser/earlyReport'

/**
 * Error monitoring in the browser, without the SDK in the first view: with a DSN, this keeps every error and API
 * outcome in `early` until the page is idle, then loads the SDK (its own chunk), which replays them and takes
 * over. Without a DSN it does nothing and nothing is loaded. Written for size (~0.2 KiB gzip in the entry).
 * docs/observability.md.
 */
export default defineNuxtPlugin({
  name: 'observability',
  dependsOn: ['api'],
  setup() {
    const nuxtApp = useNuxtApp()
    const config = useRuntimeConfig().public.sentry
    if (!config.dsn) return
    const early: EarlyReport[] = []
    // Bounded, in case the SDK never loads (offline, blocked); once it runs, `push` hands each report straight to it.
    const keep = (...report: [EarlyReport[1], ...unknown[]]) => void (early.length < 100 && early.push([Date.now(), ...report]))
    addEventListener('error', event => keep('error', event.error ?? event.message))
    addEventListener('unhandledrejection', event => keep('rejection', event.reason))
    nuxtApp.hook('vue:error', (...args) => keep('vue', ...args))
    nuxtApp.hook('app:error', error => keep('app', error))
    nuxtApp.$router.onError((...args) => keep('navigation', ...args))
    // Every api hook but onRequest (trace headers start with the SDK), as ['api', hook name, context].
    nuxtApp.$api.hooks.add(new Proxy({}, { get: (_, name) => name !== 'onRequest' && ((context: unknown) => keep('api', name, context)) }) as ApiHooks)
    onNuxtReady(() => import('~/utils/observability/browser/startBrowserMonitoring').then(m => m.startBrowserMonitoring(nuxtApp, config, early), () => {}))
  },
})
