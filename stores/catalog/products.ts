import { defineStore } from 'pinia'
import { markRaw, ref } from 'vue'
import { useApi } from '~/composables/core/useApi'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import { productService } from '~/services/productService'
import type { ProductQuery, ProductSummary } from '~/services/domain/product'
import { listKey, normalizeQuery, queryKey } from './queryKey'
import { toErrorData } from './toErrorData'

/** One value per UI state: more to load (idle), loading, failed (error), nothing more (done). */
export type ListStatus = 'idle' | 'loading' | 'error' | 'done'

/** Where a loaded page starts: the cursor it was requested with and its first index in `ids`. */
export interface ListPage {
  cursor: string | null
  offset: number
}

/** One list of products for one canonical query. Serializable: it travels in the SSR payload. */
export interface ProductListState {
  key: string
  query: ProductQuery
  /** Cursor of the first loaded page; null when the list starts at the beginning. */
  startCursor: string | null
  ids: number[]
  pages: ListPage[]
  /** The page before `startCursor` (for a "previous" link), null at the beginning. */
  previousCursor: string | null
  nextCursor: string | null
  hasNext: boolean
  status: ListStatus
  error: ApiErrorData | null
  /** When the first page arrived (ms since epoch); 0 = never loaded. */
  fetchedAt: number
  pageSize: number
}

export interface ListOptions {
  startCursor?: string | null
  pageSize?: number
}

export interface FetchFirstOptions extends ListOptions {
  /** Refetch even when a fresh list exists. */
  force?: boolean
  /** Override the store's TTL for this call. */
  ttlMs?: number
}

export const PAGE_SIZE = 24
/** The backend's upper bound (DRF page_size 1..100). */
export const MAX_PAGE_SIZE = 100
/** How long a loaded list is reused before fetchFirst refreshes it. */
export const LIST_TTL_MS = 5 * 60_000

export function clampPageSize(size: number | undefined): number {
  if (size === undefined || !Number.isFinite(size)) return PAGE_SIZE
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(size)))
}

interface Inflight {
  kind: 'first' | 'more'
  promise: Promise<void>
  controller: AbortController
}

export const useProductStore = defineStore('products', () => {
  const service = productService(useApi())

  /** Every product summary any list has loaded, shared by all lists. */
  const byId = ref<Record<number, ProductSummary>>({})
  const lists = ref<Record<string, ProductListState>>({})

  // Not state (never serialized): per store instance, so per SSR request.
  const settings = { ttlMs: LIST_TTL_MS, pageSize: PAGE_SIZE }
  const inflight = new Map<string, Inflight>()
  // Bumped whenever a list's in-flight request must no longer land (cancel, reset, forced refetch).
  const generation = new Map<string, number>()
  let activeKey: string | null = null

  function configure(options: { ttlMs?: number, pageSize?: number }): void {
    if (options.ttlMs !== undefined && options.ttlMs >= 0) settings.ttlMs = options.ttlMs
    if (options.pageSize !== undefined) settings.pageSize = clampPageSize(options.pageSize)
  }

  /**
   * Bumped on every upsert. A view of thousands of products reads `toRaw(byId)` and depends on this one counter
   * instead of on every key (a dependency per product costs ~0.3 KB; 5,000 of them add up).
   */
  const revision = ref(0)

  // Summaries are replaced whole, never edited: markRaw spares Vue a deep proxy per product (thousands of them).
  function upsert(items: readonly ProductSummary[]): void {
    for (const item of items) byId.value[item.id] = markRaw(item)
    if (items.length) revision.value++
  }

  /**
   * The list to show for a query read from `startCursor`. A list of the same query that already holds the page
   * starting at that cursor is that list: coming back to `?cursor=X` (the address bar follows the scroll) shows
   * what was loaded, at the same place, instead of starting a new list from X.
   */
  function resolveKey(query: ProductQuery, startCursor?: string | null): string {
    const own = listKey(query, startCursor)
    if (!startCursor || lists.value[own]) return own
    const base = queryKey(query)
    const holder = Object.values(lists.value).find(l => queryKey(l.query) === base && l.pages.some(p => p.cursor === startCursor))
    return holder?.key ?? own
  }

  function listFor(query: ProductQuery, options: ListOptions = {}): ProductListState | undefined {
    return lists.value[resolveKey(query, options.startCursor)]
  }

  function isFresh(list: ProductListState, ttlMs = settings.ttlMs): boolean {
    return list.fetchedAt > 0 && Date.now() - list.fetchedAt < ttlMs
  }

  function ensureList(query: ProductQuery, options: ListOptions): ProductListState {
    const key = resolveKey(query, options.startCursor)
    lists.value[key] ??= {
      key,
      query: normalizeQuery(query),
      startCursor: options.startCursor ?? null,
      ids: [],
      pages: [],
      previousCursor: null,
      nextCursor: null,
      hasNext: true,
      status: 'idle',
      error: null,
      fetchedAt: 0,
      pageSize: clampPageSize(options.pageSize ?? settings.pageSize),
    }
    return lists.value[key]
  }

  function bump(key: string): number {
    const next = (generation.get(key) ?? 0) + 1
    generation.set(key, next)
    return next
  }

  /** Stops a list's request; its late answer is dropped and the list keeps what it had. */
  function cancel(key: string): void {
    const running = inflight.get(key)
    if (!running) return
    bump(key)
    inflight.delete(key)
    running.controller.abort()
    const list = lists.value[key]
    if (list && list.status === 'loading') list.status = list.fetchedAt && !list.hasNext ? 'done' : 'idle'
  }

  async function loadPage(key: string, cursor: string | null, replace: boolean, signal: AbortSignal): Promise<void> {
    const list = lists.value[key]
    if (!list) return
    const gen = generation.get(key) ?? 0
    const current = () => (generation.get(key) ?? 0) === gen && lists.value[key] === list
    list.status = 'loading'
    list.error = null
    try {
      const page = await service.list(list.query, { cursor, pageSize: list.pageSize, signal })
      if (!current()) return
      upsert(page.items)
      const seen = new Set(replace ? [] : list.ids)
      const fresh: number[] = []
      for (const item of page.items) {
        if (seen.has(item.id)) continue
        seen.add(item.id)
        fresh.push(item.id)
      }
      if (replace) {
        list.ids = fresh
        list.pages = [{ cursor, offset: 0 }]
        list.previousCursor = page.previousCursor
        list.fetchedAt = Date.now()
      }
      else {
        list.pages.push({ cursor, offset: list.ids.length })
        list.ids.push(...fresh)
      }
      // A backend that hands back the cursor it was given would loop forever: treat it as the end.
      const next = page.nextCursor !== null && page.nextCursor !== cursor ? page.nextCursor : null
      list.nextCursor = next
      list.hasNext = next !== null
      list.status = list.hasNext ? 'idle' : 'done'
    }
    catch (error) {
      if (!current()) return
      list.status = 'error'
      list.error = toErrorData(error)
    }
  }

  function run(key: string, kind: Inflight['kind'], task: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const controller = new AbortController()
    const promise = task(controller.signal).finally(() => {
      if (inflight.get(key)?.promise === promise) inflight.delete(key)
    })
    inflight.set(key, { kind, promise, controller })
    return promise
  }

  /** First page of a query; reuses a fresh list (SSR payload, back navigation) unless `force`. */
  async function fetchFirst(query: ProductQuery, options: FetchFirstOptions = {}): Promise<ProductListState> {
    const list = ensureList(query, options)
    const key = list.key
    const running = inflight.get(key)
    if (!options.force) {
      if (running?.kind === 'first') {
        await running.promise
        return lists.value[key] ?? list
      }
      if (isFresh(list, options.ttlMs)) return list
    }
    cancel(key)
    bump(key)
    if (options.pageSize !== undefined) list.pageSize = clampPageSize(options.pageSize)
    await run(key, 'first', signal => loadPage(key, list.startCursor, true, signal))
    return lists.value[key] ?? list
  }

  /** Next page of a list; concurrent calls share one request; finished or unloaded lists are left alone. */
  function loadMore(query: ProductQuery, options: ListOptions = {}): Promise<void> {
    const list = listFor(query, options)
    if (!list || list.fetchedAt === 0 || !list.hasNext || list.nextCursor === null) return Promise.resolve()
    const running = inflight.get(list.key)
    if (running) return running.promise
    const cursor = list.nextCursor
    return run(list.key, 'more', signal => loadPage(list.key, cursor, false, signal))
  }

  /** Forgets one list (or all): in-flight requests are aborted and their answers dropped. */
  function reset(query?: ProductQuery, options: ListOptions = {}): void {
    const keys = query ? [resolveKey(query, options.startCursor)] : Object.keys(lists.value)
    for (const key of keys) {
      cancel(key)
      bump(key)
    }
    const drop = new Set(keys)
    lists.value = Object.fromEntries(Object.entries(lists.value).filter(([key]) => !drop.has(key)))
    if (activeKey && drop.has(activeKey)) activeKey = null
  }

  /**
   * Switch the page's main list to another query: the previous main list's request is cancelled (its answer
   * would be stale), expired lists are forgotten, and the new query's first page comes from cache when fresh.
   */
  function applyFilters(query: ProductQuery, options: FetchFirstOptions = {}): Promise<ProductListState> {
    const key = resolveKey(query, options.startCursor)
    if (activeKey !== null && activeKey !== key) cancel(activeKey)
    activeKey = key
    const expired = Object.values(lists.value).filter(l => l.key !== key && !inflight.has(l.key) && l.fetchedAt > 0 && !isFresh(l))
    if (expired.length) {
      const drop = new Set(expired.map(l => l.key))
      lists.value = Object.fromEntries(Object.entries(lists.value).filter(([k]) => !drop.has(k)))
    }
    return fetchFirst(query, options)
  }

  return { byId, revision, lists, configure, upsert, resolveKey, listFor, fetchFirst, loadMore, reset, applyFilters }
})
