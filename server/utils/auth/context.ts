import { useRuntimeConfig, useStorage } from 'nitropack/runtime'
import { DEFAULT_ROTATION, rateLimitCounts, type AuthDeps } from './deps'
import { guardedStorage } from './storageOutage'
import { storageClaim } from '../storage/claim'

/**
 * The auth routes' dependencies for one request. Storage mounts: "auth" (rotation grace, sign-in families,
 * revocations) and "ratelimit"; nuxt.config points both at Redis when NUXT_REDIS_URL is set. Unmounted,
 * they fall back to Nitro's in-memory storage (fine for one instance).
 */
export function authDeps(): AuthDeps {
  // The process-wide config, read-only: per event, Nitro would clone it and re-read the environment each time.
  const config = useRuntimeConfig()
  return {
    apiBase: config.apiBase,
    // Bounded, and a failure is a StorageUnavailableError: the routes answer 503 with a sentence, not a 500.
    sessions: guardedStorage(useStorage('auth')),
    claim: storageClaim(useStorage(), 'auth'),
    limits: guardedStorage(useStorage('ratelimit')),
    cookie: { secure: !import.meta.dev },
    siteUrl: config.public.siteUrl,
    trustProxy: config.authTrustProxy === true,
    rateLimits: rateLimitCounts(config.authRateLimit),
    rotation: DEFAULT_ROTATION,
    now: Date.now,
    revocationRetryMs: Number(config.authRevocationRetryMs) > 0 ? Number(config.authRevocationRetryMs) : undefined,
  }
}
