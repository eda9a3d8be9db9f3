import { markRaw, ref, type Ref } from 'vue'
import { toApiErrorData, type ApiErrorData } from '~/composables/core/api/ApiError'
import { createFlights } from './flights'

/** One value per state: nothing asked yet (idle), loading, data arrived (success), failed (error). */
export type ResourceStatus = 'idle' | 'loading' | 'success' | 'error'

/** One cached answer (a product's details, the facets of a query, a cart). Plain data: it travels in the SSR payload. */
export interface ResourceState<T> {
  /** The last data that arrived; kept while a refresh loads or fails. */
  data: T | null
  status: ResourceStatus
  error: ApiErrorData | null
  /** When `data` arrived (ms since epoch); 0 = never. */
  fetchedAt: number
}

export interface LoadOptions {
  /** Load even when the data is fresh, replacing a request under way. */
  force?: boolean
  /** This call's freshness window instead of the resource's. */
  ttlMs?: number
}

export interface KeyedResourceOptions {
  /** How long data is reused before `load` asks again (Infinity: for the life of the store). */
  ttlMs: number
}

export interface KeyedResource<T> {
  /** Every entry by key. Return it from the store's setup: it is the state that travels in the SSR payload. */
  entries: Ref<Record<string, ResourceState<T>>>
  /** The entry for `key`, if it was ever asked for or set. */
  get: (key: string) => ResourceState<T> | undefined
  /** Loads unless fresh. Concurrent calls share one request; a request made stale by cancel, forget, set or force lands nowhere. */
  load: (key: string, fetcher: (signal: AbortSignal) => Promise<T>, options?: LoadOptions) => Promise<ResourceState<T>>
  /** Stores what the backend just answered (a mutation's result) as fresh data; a request under way is dropped. */
  set: (key: string, data: T) => ResourceState<T>
  /** Aborts the key's request; the entry keeps the data it had. */
  cancel: (key: string) => void
  /** Drops the entry and aborts its request. */
  forget: (key: string) => void
}

/**
 * A TTL cache of remote data by key, as a small state machine per key: idle -> loading -> success | error, and
 * loading again on a refresh (data kept meanwhile). A failure is never cached: the next load asks again.
 * The entries are reactive state for the store to return; requests under way are bookkeeping of this instance.
 */
export function createKeyedResource<T>(options: KeyedResourceOptions): KeyedResource<T> {
  const entries = ref({}) as Ref<Record<string, ResourceState<T>>>
  const flights = createFlights<'load'>()

  function entryFor(key: string): ResourceState<T> {
    entries.value[key] ??= { data: null, status: 'idle', error: null, fetchedAt: 0 }
    return entries.value[key]
  }

  function isFresh(entry: ResourceState<T>, ttlMs = options.ttlMs): boolean {
    return entry.data !== null && Date.now() - entry.fetchedAt < ttlMs
  }

  function land(key: string, data: T): ResourceState<T> {
    const entry = entryFor(key)
    // A server render writes each answer once and reads it while rendering: Vue's deep proxies over it (a proxy per
    // nested object, a dependency per property read) were pure cost (issue 20, docs/benchmarks.md "Third pass").
    // Answers are replaced whole, never edited, and the entry stays reactive, so a new answer is still seen. The
    // payload carries the same plain data, and the browser's store (this line compiles to `entry.data = data`
    // there) is deeply reactive as before.
    entry.data = import.meta.server && data !== null && typeof data === 'object' ? markRaw(data) : data
    entry.status = 'success'
    entry.error = null
    entry.fetchedAt = Date.now()
    return entry
  }

  function set(key: string, data: T): ResourceState<T> {
    flights.cancel(key)
    return land(key, data)
  }

  function cancel(key: string): void {
    const entry = entries.value[key]
    if (flights.cancel(key) && entry?.status === 'loading') entry.status = entry.data === null ? 'idle' : 'success'
  }

  function forget(key: string): void {
    flights.cancel(key)
    Reflect.deleteProperty(entries.value, key)
  }

  async function load(key: string, fetcher: (signal: AbortSignal) => Promise<T>, { force, ttlMs }: LoadOptions = {}): Promise<ResourceState<T>> {
    const running = flights.get(key)
    const existing = entries.value[key]
    if (!force && running) {
      await running.promise
      return entries.value[key] ?? { data: null, status: 'idle', error: null, fetchedAt: 0 }
    }
    if (!force && existing && isFresh(existing, ttlMs)) return existing
    const entry = entryFor(key)
    entry.status = 'loading'
    entry.error = null
    await flights.start(key, 'load', async (signal) => {
      try {
        const data = await fetcher(signal)
        if (!signal.aborted) land(key, data)
      }
      catch (error) {
        if (signal.aborted) return
        entry.status = 'error'
        entry.error = toApiErrorData(error)
      }
    })
    return entries.value[key] ?? entry
  }

  return { entries, get: key => entries.value[key], load, set, cancel, forget }
}
