import { ApiError } from './ApiError'

/** Why the shopper is no longer signed in: the refresh cookie was rejected, or they signed out themselves. */
export type SignOutReason = 'refresh_failed' | 'signed_out'

/** unknown: no token in memory yet (fresh page load; a refresh cookie may exist). signed_out: do not refresh again. */
export type SessionStatus = 'unknown' | 'signed_in' | 'signed_out'

/** The subset of the Web Locks API the session needs (navigator.locks in browsers). */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>
}

export interface SessionOptions {
  /** Performs the refresh call (POST /api/auth/refresh): resolves the new access token or rejects with an ApiError. */
  refreshAccessToken: () => Promise<string>
  /** Cross-tab serialization; navigator.locks where it exists, none on the server (one request, one session). */
  locks?: LockManagerLike | null
}

export interface ApiSession {
  /** The access token, held only in this closure: never in useState, Pinia, the SSR payload or storage. */
  getAccessToken(): string | null
  /** After login/register: the access token from the BFF. null forgets it without signing out. */
  setAccessToken(token: string | null): void
  getStatus(): SessionStatus
  /**
   * Single-flight refresh: concurrent callers share one call. Resolves the new token, or null when the refresh
   * was rejected (401/403: the shopper is signed out, listeners hear 'refresh_failed' once). Rejects with the
   * ApiError when the refresh could not be made (offline, 5xx, breaker open): the shopper stays signed in.
   */
  refresh(): Promise<string | null>
  /** Subscribes to sign-out; returns the unsubscribe function. */
  onSignedOut(listener: (reason: SignOutReason) => void): () => void
  /** Forgets the token, stops automatic refreshes until the next setAccessToken, and tells listeners. */
  signOut(): void
}

/** The lock name every tab of the storefront shares. */
export const REFRESH_LOCK = 'storefront-auth-refresh'

function defaultLocks(): LockManagerLike | null {
  if (typeof navigator === 'undefined') return null
  const locks = (navigator as { locks?: LockManagerLike }).locks
  return locks && typeof locks.request === 'function' ? locks : null
}

function isRejection(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403)
}

/**
 * One session per Nuxt app (so per SSR request). Cross-tab safety: refresh tokens rotate, and a refresh token
 * used twice is rejected. Tabs therefore take the Web Lock before refreshing; a tab that waited behind another
 * sends the cookie the other tab's refresh rotated in, so its own refresh succeeds instead of signing out.
 */
export function createSession(options: SessionOptions): ApiSession {
  const locks = options.locks === undefined ? defaultLocks() : options.locks
  const listeners = new Set<(reason: SignOutReason) => void>()
  let accessToken: string | null = null
  let status: SessionStatus = 'unknown'
  let inflight: Promise<string | null> | null = null
  // Bumped by signOut/setAccessToken so a refresh that was already running cannot resurrect an old session.
  let generation = 0

  function emit(reason: SignOutReason): void {
    for (const listener of [...listeners]) {
      try {
        listener(reason)
      }
      catch (error) {
        console.error('[api] onSignedOut listener failed', error)
      }
    }
  }

  async function runRefresh(): Promise<string | null> {
    const started = generation
    try {
      const token = locks ? await locks.request(REFRESH_LOCK, options.refreshAccessToken) : await options.refreshAccessToken()
      if (started !== generation) return accessToken
      accessToken = token
      status = 'signed_in'
      return token
    }
    catch (error) {
      if (!isRejection(error)) throw error
      if (started !== generation) return accessToken
      const wasSignedOut = status === 'signed_out'
      accessToken = null
      status = 'signed_out'
      if (!wasSignedOut) emit('refresh_failed')
      return null
    }
  }

  return {
    getAccessToken: () => accessToken,
    setAccessToken(token) {
      generation++
      accessToken = token
      status = token ? 'signed_in' : 'unknown'
    },
    getStatus: () => status,
    refresh() {
      inflight ??= runRefresh().finally(() => {
        inflight = null
      })
      return inflight
    },
    onSignedOut(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    signOut() {
      generation++
      accessToken = null
      status = 'signed_out'
      emit('signed_out')
    },
  }
}
