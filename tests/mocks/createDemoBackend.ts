import { http } from 'msw'
import type { RequestHandler } from 'msw'
import { createTokenService } from './auth/tokens'
import { DemoDb } from './db/DemoDb'
import { authRoutes } from './handlers/auth'
import { cartRoutes } from './handlers/cart'
import { catalogRoutes } from './handlers/catalog'
import { discoveryRoutes } from './handlers/discovery'
import { mediaRoutes } from './handlers/media'
import { metaRoutes } from './handlers/meta'
import { orderRoutes } from './handlers/orders'
import { passwordResetRoutes } from './handlers/passwordReset'
import { wishlistRoutes } from './handlers/wishlist'
import { createDispatcher } from './http/dispatch'
import { createFaultRegistry, createStats } from './http/faults'
import type { FaultRegistry, Stats } from './http/faults'
import { withErrorCode } from './http/errorCodes'
import { createRouter } from './http/router'
import { STANDARD_PROFILE } from './profile'
import type { DemoProfile } from './profile'
import type { Route } from './http/router'
import { DEFAULT_ACCESS_TTL_S, DEFAULT_SEED, DEFAULT_SEED_PRODUCTS, MAX_SEED_PRODUCTS } from './seed/constants'

export type { DemoDb }

export interface DemoBackendOptions {
  /** Where the API lives, e.g. "http://backend.test/api" or "http://127.0.0.1:4010/api". */
  baseUrl: string
  seedProducts?: number
  /** Access-token lifetime in seconds (SimpleJWT ACCESS_TOKEN_LIFETIME). */
  accessTtlS?: number
  /** Enables /__faults/, /__stats/, /__products/, /__reset/ (dev and tests only). Default true. */
  faults?: boolean
  seed?: number
  /** Clock in ms; tests can move time (token expiry) without sleeping. */
  now?: () => number
  /** How this backend differs from the standard demo; unset members keep the standard choice. */
  profile?: Partial<DemoProfile>
  /** Where password reset links point (Djoser's DOMAIN / a FRONTEND_URL setting). Default http://localhost:3000. */
  storefrontUrl?: string
}

export interface DemoBackend {
  /** MSW handlers: use with setupServer (Vitest), setupWorker (browser) or the HTTP bridge. */
  handlers: RequestHandler[]
  db: DemoDb
  faults: FaultRegistry
  stats: Stats
  /** Back to the seed: data, faults and stats. */
  reset(): void
  /** The same logic without MSW: a Fetch API request in, a response out (undefined: not under baseUrl). */
  handle(request: Request): Promise<Response | undefined>
}

// Order matters: fixed paths ("/products/facets/") before parameterised ones ("/products/{id}/").
export const API_ROUTES: Route[] = [
  ...discoveryRoutes, ...catalogRoutes, ...mediaRoutes, ...authRoutes, ...cartRoutes, ...wishlistRoutes, ...orderRoutes,
]

export function createDemoBackend(options: DemoBackendOptions): DemoBackend {
  const base = new URL(options.baseUrl)
  const basePath = base.pathname.replace(/\/+$/, '')
  const seedProducts = Math.min(Math.max(options.seedProducts ?? DEFAULT_SEED_PRODUCTS, 1), MAX_SEED_PRODUCTS)
  const profile: DemoProfile = { ...STANDARD_PROFILE, ...options.profile }
  const db = new DemoDb({ seed: options.seed ?? DEFAULT_SEED, seedProducts, now: options.now ?? Date.now, profile })
  const tokens = createTokenService(db, options.accessTtlS ?? DEFAULT_ACCESS_TTL_S)
  const faults = createFaultRegistry()
  const stats = createStats()
  const reset = () => {
    db.reset()
    faults.clear()
    stats.reset()
  }
  const passwordReset = passwordResetRoutes({ storefrontUrl: options.storefrontUrl ?? 'http://localhost:3000', now: () => db.now() })
  const api = createRouter([...API_ROUTES, ...passwordReset])
  const meta = createRouter(metaRoutes({ faults, stats, reset, enabled: options.faults ?? true }))
  const dispatch = createDispatcher({ db, tokens, faults, stats, api, meta, basePath })
  const handle = profile.errorCodes
    ? async (request: Request) => {
      const response = await dispatch(request)
      return response && withErrorCode(response)
    }
    : dispatch
  const handlers: RequestHandler[] = [http.all(`${base.origin}${basePath}/*`, ({ request }) => handle(request))]
  return { handlers, db, faults, stats, reset, handle }
}
