import { defineNitroPlugin, useRuntimeConfig, useStorage } from 'nitropack/runtime'
import { createGracefulShutdown } from '../utils/lifecycle/gracefulShutdown'
import { backendCheck, storageCheck } from '../utils/lifecycle/probes'
import { createReadiness, type ReadinessCheck } from '../utils/lifecycle/readiness'
import { SHARED_MOUNTS } from '../utils/storage/sharedStorage'
import '../utils/lifecycle/context'

function positive(value: unknown, fallback: number): number {
  const number = Number(value)
  return Number.isFinite(number) && number >= 0 ? number : fallback
}

/**
 * Readiness (/readyz) and graceful shutdown for the built server, one of each per process (docs/deployment.md).
 * Nitro's node-server preset has its own SIGTERM handler, but it destroys idle keep-alive connections the moment the
 * signal arrives, so a request a load balancer is sending on one of them fails (a POST is not retried), and it
 * closes the listening socket at once, so /readyz could never answer 503. This plugin replaces it: it runs before
 * the preset reads NITRO_SHUTDOWN_DISABLED.
 */
export default defineNitroPlugin((nitroApp) => {
  const config = useRuntimeConfig()
  const checks: Record<string, ReadinessCheck> = {
    backend: backendCheck(String(config.apiBase), String(config.readiness.backendPath || '/')),
  }
  if (config.redisUrl) checks.redis = storageCheck(useStorage(), SHARED_MOUNTS.map(mount => mount.base))
  const readiness = createReadiness({
    checks,
    timeoutMs: positive(config.readiness.timeoutMs, 1_000),
    cacheMs: positive(config.readiness.cacheMs, 1_000),
  })
  const shutdown = createGracefulShutdown({
    drainDelayMs: positive(config.shutdown.drainDelayMs, 0),
    timeoutMs: positive(config.shutdown.timeoutMs, 20_000),
    close: () => nitroApp.hooks.callHook('close'),
    exit: code => process.exit(code),
  })

  // `nuxt dev` runs the server inside its own process manager, which handles signals itself.
  if (!import.meta.dev) {
    process.env.NITRO_SHUTDOWN_DISABLED = '1'
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void shutdown.shutdown(signal))
  }

  const lifecycle = { readiness, shutdown }
  nitroApp.hooks.hook('request', (event) => {
    shutdown.onRequest(event.node.req, event.node.res)
    event.context.lifecycle = lifecycle
  })
  nitroApp.hooks.hook('beforeResponse', (event) => {
    shutdown.beforeResponse(event.node.res)
  })
})
