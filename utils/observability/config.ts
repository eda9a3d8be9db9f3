/** Where the browser sends its envelopes: this origin, so the CSP stays `connect-src 'self'` and ad blockers let it through. */
export const TUNNEL_PATH = '/_monitoring'

/** `runtimeConfig.public.sentry` (nuxt.config.ts); every key is set by env, e.g. NUXT_PUBLIC_SENTRY_DSN. */
export interface MonitoringConfig {
  /** The Sentry project's DSN; empty turns monitoring off on both sides (no SDK loaded, nothing initialized). */
  dsn: string
  environment: string
  release: string
  /** Share of error events sent, 0..1. */
  sampleRate: number | string
  /** Share of page loads / server requests traced, 0..1; 0 leaves tracing (and its code) out. */
  tracesSampleRate: number | string
  /** Serves /__observability/* fault pages (tests only; see docs/observability.md). */
  testFaults: boolean | string | number
}

/** The options both SDKs share, from runtime config (env values may arrive as strings). */
export interface SdkOptions {
  dsn: string
  environment: string | undefined
  release: string | undefined
  sampleRate: number
  tracesSampleRate: number | undefined
}

function rate(value: number | string, fallback: number): number {
  const parsed = typeof value === 'number' ? value : Number.parseFloat(value)
  return Number.isFinite(parsed) ? Math.min(1, Math.max(0, parsed)) : fallback
}

export function sdkOptions(config: MonitoringConfig): SdkOptions {
  const traces = rate(config.tracesSampleRate, 0)
  return {
    dsn: config.dsn,
    environment: config.environment || undefined,
    release: config.release || undefined,
    sampleRate: rate(config.sampleRate, 1),
    // Undefined rather than 0: the SDKs then create no spans at all and still propagate traces.
    tracesSampleRate: traces > 0 ? traces : undefined,
  }
}

/** True when the test-only fault pages may run (NUXT_PUBLIC_SENTRY_TEST_FAULTS=1). */
export function testFaultsEnabled(config: Pick<MonitoringConfig, 'testFaults'>): boolean {
  return config.testFaults === true || config.testFaults === 1 || config.testFaults === '1' || config.testFaults === 'true'
}
