import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useApi } from '~/composables/core/useApi'
import { isApiError, type ApiErrorData } from '~/composables/core/api/ApiError'
import { productService } from '~/services/productService'
import type { ProductQuery, ProductSummary } from '~/services/domain/product'
import { normalizeQuery, queryKey } from './queryKey'

export type ListStatus = 'idle' | 'loading' | 'error' | 'done'

/** One list of products for one canonical query. Serializable: it travels in the SSR payload. */
export interface ProductListState {
  key: string
  query: ProductQuery
  ids: number[]
  nextCursor: string | null
  hasNext: boolean
  status: ListStatus
  error: ApiErrorData | null
  fetchedAt: number
}

export const PAGE_SIZE = 24
/** How long a loaded list is reused before fetchFirst refreshes it. */
export const LIST_TTL_MS = 5 * 60_000

function toErrorData(error: unknown): ApiErrorData {
  if (isApiError(error)) return error.toJSON()
  return { status: 0, code: 'unknown', message: 'Something went wrong. Please try again.', fieldErrors: {}, retryable: true }
}

export const useProductStore = defineStore('products', () => {
  const service = productService(useApi())

  const byId = ref<Record<number, ProductSummary>>({})
  const lists = ref<Record<string, ProductListState>>({})
  // Not state: in-flight requests per list, so concurrent loadMore calls share one request.
  const inflight = new Map<string, Promise<void>>()
  // Bumped by fetchFirst/reset so a response for an older generation of a list is dropped.
  const generation = new Map<string, number>()

  function upsert(items: ProductSummary[]): void {
    for (const item of items) byId.value[item.id] = item
  }

  function listFor(query: ProductQuery): ProductListState | undefined {
    return lists.value[queryKey(query)]
  }

  function ensureList(query: ProductQuery): ProductListState {
    const key = queryKey(query)
    lists.value[key] ??= {
      key, query: normalizeQuery(query), ids: [], nextCursor: null, hasNext: true, status: 'idle', error: null, fetchedAt: 0,
    }
    return lists.value[key]
  }

  async function loadPage(key: string, cursor: string | null, replace: boolean): Promise<void> {
    const list = lists.value[key]
    if (!list) return
    const gen = generation.get(key) ?? 0
    list.status = 'loading'
    list.error = null
    try {
      const page = await service.list(list.query, { cursor, pageSize: PAGE_SIZE })
      if ((generation.get(key) ?? 0) !== gen) return
      upsert(page.items)
      const incoming = page.items.map(p => p.id)
      if (replace) list.ids = [...new Set(incoming)]
      else {
        const seen = new Set(list.ids)
        list.ids.push(...incoming.filter(id => !seen.has(id)))
      }
      list.nextCursor = page.nextCursor
      list.hasNext = page.nextCursor !== null
      list.status = list.hasNext ? 'idle' : 'done'
      if (replace) list.fetchedAt = Date.now()
    }
    catch (error) {
      if ((generation.get(key) ?? 0) !== gen) return
      list.status = 'error'
      list.error = toErrorData(error)
    }
  }

  function run(key: string, task: () => Promise<void>): Promise<void> {
    const existing = inflight.get(key)
    if (existing) return existing
    const promise = task().finally(() => inflight.delete(key))
    inflight.set(key, promise)
    return promise
  }

  /** First page of a query; reuses a fresh list (SSR payload, back navigation) unless `force`. */
  async function fetchFirst(query: ProductQuery, options: { force?: boolean, ttlMs?: number } = {}): Promise<ProductListState> {
    const list = ensureList(query)
    const fresh = list.fetchedAt > 0 && Date.now() - list.fetchedAt < (options.ttlMs ?? LIST_TTL_MS)
    if (fresh && list.status !== 'error' && !options.force) return list
    generation.set(list.key, (generation.get(list.key) ?? 0) + 1)
    inflight.delete(list.key)
    await run(list.key, () => loadPage(list.key, null, true))
    return lists.value[list.key]!
  }

  /** Next page of a query's list; concurrent calls coalesce, finished lists are left alone. */
  async function loadMore(query: ProductQuery): Promise<void> {
    const list = listFor(query)
    if (!list || !list.hasNext || list.fetchedAt === 0) return
    await run(list.key, () => loadPage(list.key, list.nextCursor, false))
  }

  function reset(query?: ProductQuery): void {
    const keys = query ? [queryKey(query)] : Object.keys(lists.value)
    for (const key of keys) {
      generation.set(key, (generation.get(key) ?? 0) + 1)
      inflight.delete(key)
    }
    lists.value = Object.fromEntries(Object.entries(lists.value).filter(([key]) => !keys.includes(key)))
  }

  /** Switch to another query: its first page, from cache when fresh. */
  function applyFilters(query: ProductQuery): Promise<ProductListState> {
    return fetchFirst(query)
  }

  return { byId, lists, listFor, fetchFirst, loadMore, reset, applyFilters }
})
