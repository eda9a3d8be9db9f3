import type { Ref } from 'vue'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import { toErrorData } from './toErrorData'

export type ResourceStatus = 'idle' | 'loading' | 'success' | 'error'

/** One cached answer (facets for a query, a product's detail, ...). Plain data: it travels in the SSR payload. */
export interface ResourceState<T> {
  data: T | null
  status: ResourceStatus
  error: ApiErrorData | null
  /** When `data` arrived (ms since epoch); 0 = never. */
  fetchedAt: number
}

export interface LoadOptions {
  force?: boolean
  ttlMs?: number
}

export interface KeyedResource<T> {
  /** Loads `key` unless fresh; concurrent calls share one request; a late answer after `forget` is dropped. */
  load: (key: string, fetcher: (signal: AbortSignal) => Promise<T>, options?: LoadOptions) => Promise<ResourceState<T>>
  /** Drops an entry and aborts its request. */
  forget: (key: string) => void
}

export function emptyResource<T>(): ResourceState<T> {
  return { data: null, status: 'idle', error: null, fetchedAt: 0 }
}

/**
 * TTL cache with request coalescing over a store's reactive record. The record stays in the store (so it is
 * serialized); the in-flight bookkeeping lives here, per store instance.
 */
export function createKeyedResource<T>(entries: Ref<Record<string, ResourceState<T>>>, defaultTtlMs: number): KeyedResource<T> {
  const inflight = new Map<string, { promise: Promise<void>, controller: AbortController }>()

  function forget(key: string): void {
    inflight.get(key)?.controller.abort()
    inflight.delete(key)
    entries.value = Object.fromEntries(Object.entries(entries.value).filter(([k]) => k !== key))
  }

  async function load(key: string, fetcher: (signal: AbortSignal) => Promise<T>, options: LoadOptions = {}): Promise<ResourceState<T>> {
    const existing = entries.value[key]
    const running = inflight.get(key)
    if (!options.force) {
      if (running) {
        await running.promise
        return entries.value[key] ?? emptyResource<T>()
      }
      if (existing?.data !== undefined && existing?.data !== null && Date.now() - existing.fetchedAt < (options.ttlMs ?? defaultTtlMs)) return existing
    }
    running?.controller.abort()
    entries.value[key] ??= emptyResource<T>()
    const entry = entries.value[key]
    const controller = new AbortController()
    entry.status = 'loading'
    entry.error = null
    const promise = (async () => {
      try {
        const data = await fetcher(controller.signal)
        if (entries.value[key] !== entry || controller.signal.aborted) return
        entry.data = data
        entry.status = 'success'
        entry.fetchedAt = Date.now()
      }
      catch (error) {
        if (entries.value[key] !== entry || controller.signal.aborted) return
        entry.status = 'error'
        entry.error = toErrorData(error)
      }
    })()
    inflight.set(key, { promise, controller })
    await promise
    if (inflight.get(key)?.promise === promise) inflight.delete(key)
    return entries.value[key] ?? entry
  }

  return { load, forget }
}
