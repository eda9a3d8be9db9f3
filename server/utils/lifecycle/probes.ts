import type { Storage } from 'unstorage'
import type { ReadinessCheck } from './readiness'

/**
 * The backend is reachable when `GET <apiBase><path>` gets any HTTP answer below 500: a 404 or 401 still proves the
 * backend is up and routing, a 5xx (its own, or its proxy's 502/503) does not. The default path is the API root,
 * which DRF's DefaultRouter answers without touching the database; a backend with a health endpoint names it
 * (NUXT_READINESS_BACKEND_PATH). Not through the circuit breaker: readiness reports what is, not what was.
 */
export function backendCheck(apiBase: string, path: string): ReadinessCheck {
  const url = apiBase.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`)
  return async (signal) => {
    const response = await fetch(url, { signal, redirect: 'manual', headers: { accept: 'application/json' } })
    await response.body?.cancel()
    if (response.status >= 500) throw new Error(`backend answered ${response.status}`)
  }
}

/** Redis answers a read on every shared mount (each mount has its own connection). */
export function storageCheck(storage: Storage, bases: readonly string[]): ReadinessCheck {
  return async () => {
    await Promise.all(bases.map(base => storage.getItem(`${base}:readyz`)))
  }
}
