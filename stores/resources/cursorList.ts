import { ref, type Ref } from 'vue'
import { toApiErrorData, type ApiErrorData } from '~/composables/core/api/ApiError'
import type { CursorPage } from '~/services/domain/pagination'
import { createFlights } from './flights'

/** One value per state: more to load (idle), loading, failed (error), nothing more (done). */
export type ListStatus = 'idle' | 'loading' | 'error' | 'done'

/** Where a loaded page starts: the cursor it was asked with (null: the start) and its first index in `ids`. */
export interface ListPage {
  cursor: string | null
  offset: number
}

/** One list of one `params`, read from one starting cursor. Plain data: it travels in the SSR payload. */
export interface CursorListState<P, Id = number> {
  key: string
  params: P
  /** Cursor of the first loaded page; null when the list starts at the beginning. */
  startCursor: string | null
  /** Entity ids in list order, each once; the entities live in the store, by id. */
  ids: Id[]
  /**
   * The pages this list walked, in order. The storefront's own record of where each page starts: links to an
   * earlier page come from here, never from the backend's `previous` (DRF's reverse cursor does not give back the
   * same page when ordering values tie).
   */
  pages: ListPage[]
  nextCursor: string | null
  hasNext: boolean
  status: ListStatus
  error: ApiErrorData | null
  /** When the first page arrived (ms since epoch); 0 = never loaded. */
  fetchedAt: number
  pageSize: number
}

/** What `fetchPage` is asked for. */
export interface PageRequest {
  cursor: string | null
  pageSize: number
  signal: AbortSignal
}

export interface CursorListOptions<P, T, Id> {
  /** One page from the backend: a service function. */
  fetchPage: (params: P, page: PageRequest) => Promise<Pick<CursorPage<T>, 'items' | 'nextCursor'>>
  /** Puts a page's entities into the store (by id) before the list refers to them. */
  keep: (items: readonly T[]) => void
  idOf: (item: T) => Id
  /** A stable string for `params`: equal params share one list. */
  keyOf: (params: P) => string
  /** Canonical form of `params`, kept in the list (default: as given). */
  normalize?: (params: P) => P
  /** How long a loaded list is reused before `fetchFirst` loads it again. */
  ttlMs: number
  pageSize: number
  /** The backend's largest page (DRF's max_page_size). */
  maxPageSize?: number
}

export interface ListOptions {
  /** Start at this cursor (a server-rendered component page, `?cursor=`); null or undefined: at the beginning. */
  startCursor?: string | null
  /** Page size of a list this call creates (1..maxPageSize); the default otherwise. */
  pageSize?: number
}

export interface FetchFirstOptions extends ListOptions {
  /** Load again even when the list is fresh. */
  force?: boolean
  /** This call's freshness window instead of the list's. */
  ttlMs?: number
}

export interface CursorList<P, Id> {
  /** Every list by key. Return it from the store's setup: it is the state that travels in the SSR payload. */
  lists: Ref<Record<string, CursorListState<P, Id>>>
  /** The key of the list for params read from a cursor: a list that already walked that page is that list. */
  keyFor: (params: P, options?: ListOptions) => string
  get: (params: P, options?: ListOptions) => CursorListState<P, Id> | undefined
  /** First page; a fresh list (SSR payload, back navigation) is reused unless `force`. */
  fetchFirst: (params: P, options?: FetchFirstOptions) => Promise<CursorListState<P, Id>>
  /** Next page; concurrent calls share one request; a list that is done, failed to start or unloaded is left alone. */
  loadMore: (params: P, options?: ListOptions) => Promise<void>
  /** Loads again what failed: the first page, or the next one. */
  retry: (params: P, options?: ListOptions) => Promise<void>
  /** Makes this the one list a page shows: the previous one's request stops, expired lists are dropped, then fetchFirst. */
  activate: (params: P, options?: FetchFirstOptions) => Promise<CursorListState<P, Id>>
  /** Forgets one list (or all): requests under way are aborted and their answers dropped. */
  reset: (params?: P, options?: ListOptions) => void
}

/** A list's key: its params' key, plus where it starts when not at the beginning (encoded, so nothing can fake it). */
export function listKey(paramsKey: string, startCursor?: string | null): string {
  return startCursor ? `${paramsKey}|from=${encodeURIComponent(startCursor)}` : paramsKey
}

/**
 * Cursor-paginated lists as small state machines: idle -> loading -> idle | done | error, loading only from idle
 * or error, one request per list at a time, and answers that arrive for a list already reset or switched away
 * from are dropped. Entities are handed to the store (`keep`); lists hold ids. A backend that hands back the cursor
 * it was given would loop forever: that ends the list.
 */
export function createCursorList<P, T, Id = number>(options: CursorListOptions<P, T, Id>): CursorList<P, Id> {
  const lists = ref({}) as Ref<Record<string, CursorListState<P, Id>>>
  const flights = createFlights<'first' | 'more'>()
  const normalize = options.normalize ?? ((params: P) => params)
  let activeKey: string | null = null

  function clamp(size: number | undefined): number {
    if (size === undefined || !Number.isFinite(size)) return options.pageSize
    return Math.min(options.maxPageSize ?? Number.POSITIVE_INFINITY, Math.max(1, Math.trunc(size)))
  }

  function keyFor(params: P, { startCursor }: ListOptions = {}): string {
    const base = options.keyOf(params)
    const own = listKey(base, startCursor)
    if (!startCursor || lists.value[own]) return own
    const holder = Object.values(lists.value).find(list => listKey(base, list.startCursor) === list.key && list.pages.some(page => page.cursor === startCursor))
    return holder?.key ?? own
  }

  function get(params: P, listOptions?: ListOptions): CursorListState<P, Id> | undefined {
    return lists.value[keyFor(params, listOptions)]
  }

  function isFresh(list: CursorListState<P, Id>, ttlMs = options.ttlMs): boolean {
    return list.fetchedAt > 0 && Date.now() - list.fetchedAt < ttlMs
  }

  function ensure(params: P, listOptions: ListOptions): CursorListState<P, Id> {
    const key = keyFor(params, listOptions)
    lists.value[key] ??= {
      key,
      params: normalize(params),
      startCursor: listOptions.startCursor ?? null,
      ids: [],
      pages: [],
      nextCursor: null,
      hasNext: true,
      status: 'idle',
      error: null,
      fetchedAt: 0,
      pageSize: clamp(listOptions.pageSize),
    }
    return lists.value[key]
  }

  /** Stops a list's request; its late answer is dropped and the list keeps what it had. */
  function cancel(key: string): void {
    const list = lists.value[key]
    if (flights.cancel(key) && list?.status === 'loading') list.status = list.fetchedAt && !list.hasNext ? 'done' : 'idle'
  }

  function drop(keys: readonly string[]): void {
    for (const key of keys) {
      flights.cancel(key)
      Reflect.deleteProperty(lists.value, key)
    }
    if (activeKey !== null && !lists.value[activeKey]) activeKey = null
  }

  async function loadPage(list: CursorListState<P, Id>, cursor: string | null, first: boolean, signal: AbortSignal): Promise<void> {
    list.status = 'loading'
    list.error = null
    try {
      const page = await options.fetchPage(list.params, { cursor, pageSize: list.pageSize, signal })
      if (signal.aborted) return
      options.keep(page.items)
      const seen = new Set(first ? [] : list.ids)
      const fresh: Id[] = []
      for (const item of page.items) {
        const id = options.idOf(item)
        if (seen.has(id)) continue
        seen.add(id)
        fresh.push(id)
      }
      if (first) {
        list.fetchedAt = Date.now()
        // An expired list loaded again (back to a listing after a while): when its first page is what it was, the
        // pages walked since still follow it, and the shopper comes back to where they were rather than to page
        // one. A first page that changed starts the list over.
        const second = list.pages[1]
        if (second?.cursor === page.nextCursor && second.offset === fresh.length && fresh.every((id, i) => list.ids[i] === id)) {
          list.status = list.hasNext ? 'idle' : 'done'
          return
        }
        list.ids = fresh
        list.pages = [{ cursor, offset: 0 }]
      }
      else {
        list.pages.push({ cursor, offset: list.ids.length })
        list.ids.push(...fresh)
      }
      // A `next` naming a page this list already walked (the one just asked, or one before) would loop: the end.
      const next = page.nextCursor !== null && page.nextCursor !== cursor && !list.pages.some(walked => walked.cursor === page.nextCursor) ? page.nextCursor : null
      list.nextCursor = next
      list.hasNext = next !== null
      list.status = next === null ? 'done' : 'idle'
    }
    catch (error) {
      if (signal.aborted) return
      list.status = 'error'
      list.error = toApiErrorData(error)
    }
  }

  async function fetchFirst(params: P, listOptions: FetchFirstOptions = {}): Promise<CursorListState<P, Id>> {
    const list = ensure(params, listOptions)
    const running = flights.get(list.key)
    if (!listOptions.force) {
      if (running?.kind === 'first') {
        await running.promise
        return lists.value[list.key] ?? list
      }
      if (isFresh(list, listOptions.ttlMs)) return list
    }
    if (listOptions.pageSize !== undefined) list.pageSize = clamp(listOptions.pageSize)
    await flights.start(list.key, 'first', signal => loadPage(list, list.startCursor, true, signal))
    return lists.value[list.key] ?? list
  }

  function loadMore(params: P, listOptions?: ListOptions): Promise<void> {
    const list = get(params, listOptions)
    if (!list || list.fetchedAt === 0 || list.nextCursor === null) return Promise.resolve()
    const running = flights.get(list.key)
    if (running) return running.promise
    const cursor = list.nextCursor
    return flights.start(list.key, 'more', signal => loadPage(list, cursor, false, signal))
  }

  async function retry(params: P, listOptions: ListOptions = {}): Promise<void> {
    if (get(params, listOptions)?.fetchedAt) await loadMore(params, listOptions)
    else await fetchFirst(params, { ...listOptions, force: true })
  }

  function activate(params: P, listOptions: FetchFirstOptions = {}): Promise<CursorListState<P, Id>> {
    const key = keyFor(params, listOptions)
    if (activeKey !== null && activeKey !== key) cancel(activeKey)
    drop(Object.values(lists.value).filter(list => list.key !== key && !flights.get(list.key) && list.fetchedAt > 0 && !isFresh(list)).map(list => list.key))
    activeKey = key
    return fetchFirst(params, listOptions)
  }

  function reset(params?: P, listOptions?: ListOptions): void {
    drop(params === undefined ? Object.keys(lists.value) : [keyFor(params, listOptions)])
  }

  return { lists, keyFor, get, fetchFirst, loadMore, retry, activate, reset }
}
