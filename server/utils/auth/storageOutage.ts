import type { H3Event } from 'h3'
import { setResponseHeader, setResponseStatus } from 'h3'
import type { Storage } from 'unstorage'

/** The auth or rate-limit storage (Redis) did not answer: the route cannot decide safely, so it declines. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('session storage unavailable', { cause })
    this.name = 'StorageUnavailableError'
  }
}

/** What a route declining for a storage outage asks the client to wait. */
export const STORAGE_OUTAGE_RETRY_AFTER_S = 30

/** How long one storage call may take; Redis answers in well under a millisecond when it is there at all. */
export const STORAGE_CALL_TIMEOUT_MS = 1_000

/**
 * The storage with every call bounded and every failure turned into StorageUnavailableError, so a route can tell
 * "Redis is down" from a bug. (Unbounded, a Redis that accepts connections but does not answer held sign-in open.)
 */
export function guardedStorage(storage: Storage, timeoutMs = STORAGE_CALL_TIMEOUT_MS): Storage {
  return new Proxy(storage, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args)
        if (!(result instanceof Promise)) return result
        let timer: ReturnType<typeof setTimeout> | undefined
        const timeout = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`storage call ${String(property)} took over ${timeoutMs} ms`)), timeoutMs)
        })
        return Promise.race([result, timeout])
          .catch((error: unknown) => {
            // unstorage's own refusals (an invalid key) are our bugs, not an outage: they stay what they are.
            if (error instanceof Error && error.message.startsWith('[unstorage]')) throw error
            throw new StorageUnavailableError(error)
          })
          .finally(() => clearTimeout(timer))
      }
    },
  })
}

/**
 * An auth route that answers 503 with `sentence` (and Retry-After) while its storage is down, instead of a 500:
 * the sign-in form shows the sentence; nothing about the outage's internals is sent.
 */
export function answeringStorageOutage(sentence: string, handler: (event: H3Event) => Promise<unknown>) {
  return async (event: H3Event): Promise<unknown> => {
    try {
      return await handler(event)
    }
    catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error
      console.warn(`[auth] ${event.method} ${event.path.split('?')[0]}: session storage unavailable`, error.cause)
      setResponseStatus(event, 503)
      setResponseHeader(event, 'retry-after', STORAGE_OUTAGE_RETRY_AFTER_S)
      setResponseHeader(event, 'cache-control', 'no-store')
      return { detail: sentence, code: 'session_storage_unavailable' }
    }
  }
}
