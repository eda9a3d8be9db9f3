import { createDemoBackend } from '../createDemoBackend'
import type { DemoBackend } from '../createDemoBackend'
import type { DemoProfile } from '../profile'
import { serveHandlers } from '../server/nodeServer'

export interface StartDemoApiOptions {
  /** 0 (default) picks a free port. */
  port?: number
  host?: string
  seedProducts?: number
  accessTtlS?: number
  /** Fault injection and other /__ endpoints; default true. */
  faults?: boolean
  seed?: number
  /** How this backend differs from the standard demo (tests/mocks/profile.ts). */
  profile?: Partial<DemoProfile>
  /** The backend's clock in ms (token expiry, timestamps); a test moves it instead of sleeping. */
  now?: () => number
  /** Where password reset links point (the storefront's origin). */
  storefrontUrl?: string
}

export interface RunningDemoApi {
  /** e.g. "http://127.0.0.1:41234/api" (no trailing slash). */
  url: string
  port: number
  /** In-process access to the data, for tests that need to look behind the API. */
  backend: DemoBackend
  close(): Promise<void>
}

/** The HTTP demo API in this process: integration tests, Playwright global setup, benchmarks, `npm run demo-api`. */
export async function startDemoApi(options: StartDemoApiOptions = {}): Promise<RunningDemoApi> {
  const host = options.host ?? '127.0.0.1'
  // Handlers are built for a fixed canonical origin; the bridge maps every incoming request onto it.
  const origin = 'http://demo-api.internal'
  const backend = createDemoBackend({
    baseUrl: `${origin}/api`,
    seedProducts: options.seedProducts,
    accessTtlS: options.accessTtlS,
    faults: options.faults,
    seed: options.seed,
    profile: options.profile,
    now: options.now,
    storefrontUrl: options.storefrontUrl,
  })
  const running = await serveHandlers(backend.handlers, { host, port: options.port ?? 0, origin })
  return {
    url: `http://${host}:${running.port}/api`,
    port: running.port,
    backend,
    close: () => running.close(),
  }
}
