import type { Driver } from 'unstorage'

/** What is read of an ioredis client: its state and the events of its first connection. */
export interface ConnectingClient {
  status: string
  once(event: string, listener: () => void): unknown
  off(event: string, listener: () => void): unknown
}

// Every driver call that talks to Redis (unstorage's Driver; getInstance, dispose and the rest are left as they are).
const CALLS = ['hasItem', 'getItem', 'getItems', 'getItemRaw', 'setItem', 'setItems', 'setItemRaw', 'removeItem', 'getMeta', 'getKeys', 'clear'] as const

/**
 * Settles at the end of the client's first connection attempt: ready, failed (refused, reset, closed) or `boundMs`
 * gone (a Redis that accepts the connection but does not answer).
 */
function firstAttempt(client: ConnectingClient, boundMs: number): Promise<void> {
  return new Promise((resolve) => {
    const events = ['ready', 'error', 'close', 'end']
    const done = () => {
      clearTimeout(timer)
      for (const event of events) client.off(event, done)
      resolve()
    }
    const timer = setTimeout(done, boundMs)
    for (const event of events) client.once(event, done)
  })
}

/**
 * The driver, whose calls made while the client's first connection is still being made wait for it (at most
 * `boundMs`) instead of failing at once. The server listens before its Redis connections are up, and without the
 * offline queue (sharedStorage.ts: a Redis that is gone must fail calls at once, not hold pages) ioredis refuses
 * every command until the connection is ready: a sign-in in the first milliseconds of an instance was declined with
 * 503. Only the first attempt is waited for: once it has settled, ready or not, calls go straight to the client
 * again, so a Redis down at start or later still fails fast, and every caller keeps its own timeout
 * (storageTimeout.ts, guardedStorage) on top.
 */
export function waitingForFirstConnection(driver: Driver, client: ConnectingClient, boundMs: number): Driver {
  if (client.status === 'ready') return driver
  let connecting: Promise<void> | null = firstAttempt(client, boundMs).then(() => {
    connecting = null
  })
  const waiting: Driver = { ...driver }
  for (const name of CALLS) {
    const call = driver[name] as ((...args: unknown[]) => unknown) | undefined
    if (typeof call !== 'function') continue
    const wrapped = (...args: unknown[]) => connecting ? connecting.then(() => call.apply(driver, args)) : call.apply(driver, args)
    Object.assign(waiting, { [name]: wrapped })
  }
  return waiting
}
