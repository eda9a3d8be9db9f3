import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { startRedis, startStorefront, type Running, type RunningRedis } from '../../integration/server/support/processes'
import { freePort } from '../../../bench/lib/ports'
import { startRecordingProxy, type RecordingProxy } from './recordingProxy'

/**
 * The storefront the chaos suite runs: the production build (.output) against the demo API, through a recording
 * proxy. Settings that make faults deterministic and tests quick, and why:
 * - NUXT_SHARED_READS_TTL_S=0: renders would otherwise share the category tree and unfiltered facets for 30 s, so a
 *   fault on them would reach only the first render after the window.
 * - breaker threshold 100,000: a process-wide breaker opened by one test's faults would answer the next test's
 *   pages with circuit_open; its own test starts a storefront with the default-like threshold.
 * - render timeout 1.5 s: "slow past the timeout" costs 1.5 s per attempt instead of 5.
 * - first retry backoff 50 ms instead of 300: the retry count and the render's retry budget (2.5 s) are what the
 *   suites assert; the waits between attempts only cost run time (bench/chaos/retryBudget.ts measures the real ones).
 * - auth rate limits 10,000/min: the suites sign in and register far more than a shopper would.
 */
export const CHAOS_ENV: Readonly<Record<string, string>> = {
  NUXT_SHARED_READS_TTL_S: '0',
  NUXT_PUBLIC_API_BREAKER_FAILURE_THRESHOLD: '100000',
  NUXT_PUBLIC_API_SSR_TIMEOUT_MS: '1500',
  NUXT_PUBLIC_API_RETRY_BASE_DELAY_MS: '50',
  NUXT_AUTH_RATE_LIMIT_LOGIN_PER_ACCOUNT: '10000',
  NUXT_AUTH_RATE_LIMIT_LOGIN_PER_ADDRESS: '10000',
  NUXT_AUTH_RATE_LIMIT_REGISTER: '10000',
}

export interface ChaosStack {
  api: RunningDemoApi
  backend: RecordingProxy
  web: Running
  redis: RunningRedis | null
  /** The demo's control endpoints. */
  fault(rule: Record<string, unknown>): Promise<void>
  clearFaults(): Promise<void>
  content(body: Record<string, unknown>): Promise<void>
  reset(): Promise<void>
  stop(): Promise<void>
}

export interface ChaosStackOptions {
  seedProducts?: number
  redis?: boolean
  /** A Redis URL to use instead (e.g. one nobody listens on yet: Redis down at start). */
  redisUrl?: string
  env?: Record<string, string>
}

async function control(api: RunningDemoApi, path: string, method: string, body?: unknown): Promise<void> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
}

export async function startChaosStack(options: ChaosStackOptions = {}): Promise<ChaosStack> {
  const api = await startDemoApi({ seedProducts: options.seedProducts ?? 300, faults: true })
  const backend = await startRecordingProxy(api.url)
  const redis = options.redis ? await startRedis() : null
  // The site's own address: the demo names image URLs after it (the storefront forwards its host), and the CSP
  // lets a browser load them from there.
  const port = await freePort()
  const web = await startStorefront({
    port,
    apiBase: backend.url,
    siteUrl: `http://127.0.0.1:${port}`,
    redisUrl: redis?.url ?? options.redisUrl,
    env: { ...CHAOS_ENV, ...options.env },
  })
  return {
    api,
    backend,
    web,
    redis,
    fault: rule => control(api, '/__faults/', 'POST', rule),
    clearFaults: () => control(api, '/__faults/', 'DELETE'),
    content: body => control(api, '/__content/', 'POST', body),
    reset: () => control(api, '/__reset/', 'POST'),
    stop: async () => {
      await web.stop()
      await redis?.stop()
      await backend.close()
      await api.close()
    },
  }
}
