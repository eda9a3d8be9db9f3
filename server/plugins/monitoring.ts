import { defineNitroPlugin, useRuntimeConfig } from 'nitropack/runtime'
import type { ServerMonitoring } from '../utils/observability/serverMonitoring'

/**
 * Error monitoring on the server (docs/observability.md). Without a DSN this returns at once: the SDK is never
 * imported. With one, the SDK starts as the server starts (no --import needed: see the doc), every request gets
 * `event.context.monitoring`, and Nitro and SSR render errors are reported with the request id and trace.
 */
export default defineNitroPlugin((nitroApp) => {
  const config = useRuntimeConfig().public.sentry
  if (!config.dsn) return
  let monitoring: ServerMonitoring | undefined
  const ready = import('../utils/observability/serverMonitoring').then((module) => {
    monitoring = module.startServerMonitoring(config)
    return monitoring
  })
  ready.catch((error: unknown) => console.error('[monitoring] the Sentry SDK did not start', error))

  nitroApp.hooks.hook('request', (event) => {
    if (monitoring) event.context.monitoring = monitoring.forRequest(event)
  })
  nitroApp.hooks.hook('error', (error, { event }) => {
    void ready.then(started => started.captureRequestError(error, event), () => {})
  })
  nitroApp.hooks.hook('close', async () => {
    await ready.then(started => started.flush(2000), () => false)
  })
})
