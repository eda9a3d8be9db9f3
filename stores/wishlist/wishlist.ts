import { defineStore } from 'pinia'
import { computed, markRaw, ref } from 'vue'
import { toApiErrorData } from '~/composables/core/api/ApiError'
import { useApi } from '~/composables/core/useApi'
import type { WishlistEntry } from '~/services/domain/wishlist'
import { WISHLIST_MAX_PAGE_SIZE, wishlistService } from '~/services/wishlistService'
import { useAuthStore } from '~/stores/auth'
import { createCursorList, type CursorListState } from '~/stores/resources/cursorList'
import { createKeyedResource } from '~/stores/resources/keyedResource'
import { idsAbsentRemembered, rememberIdsEndpoint } from './idsEndpointMemory'
import { backendState as backendStateOf, isListed as isListedOf, isSaved as isSavedOf, savedCount, type SettledAnswer, type WishlistSources } from './newestWord'
import { readIds, readMoreIds, type IdsEndpoint, type SavedIds } from './savedIds'
import { createGoneWatch } from './goneWatch'
import { listLacksAddition } from './listGaps'
import { WishlistRefusal } from './wishlistRefusal'

export type { SettledAnswer } from './newestWord'
export type { SeenEntry } from './seenEntries'
export { WishlistRefusal } from './wishlistRefusal'

export const WISHLIST_PAGE_SIZE = 24
/** How long the ids are trusted before a navigation reads them again (other devices may have changed them). */
export const IDS_TTL_MS = 5 * 60_000
export const LIST_TTL_MS = 60_000
/** The API base the browser's requests go to (plugins/api.ts): what a remembered "no /wishlist/ids/" is about. */
const API_BASE = '/api'

/** The /wishlist list of one shopper: lists are keyed by who owns them, so one never shows another's. */
export interface WishlistListParams {
  owner: number
}

interface Drain {
  promise: Promise<void>
}

/**
 * The signed-in shopper's wishlist. Two pieces of remote state:
 * - the wishlisted product ids (hearts, header count): one keyed resource per shopper, read in one request;
 * - the /wishlist page's entries: a cursor list, entries by product id.
 * On top, the shopper's choices the backend has not confirmed yet (shown at once) and the backend's answers to
 * our own changes. Changes are serialized per product: one request in flight, then only what differs from the
 * backend's last known state is sent, so fast taps end where the shopper left them.
 * Three sources say whether a product is in the wishlist: the ids, the list's pages, our own answers. Each is
 * stamped on one clock of this store (reads when asked for, answers when they came) and the newest one wins
 * (./newestWord.ts).
 */
export const useWishlistStore = defineStore('wishlist', () => {
  const api = useApi()
  const service = wishlistService(api)
  const auth = useAuthStore()
  const owner = computed(() => auth.user?.id ?? null)
  const ownerKey = computed(() => (owner.value === null ? null : String(owner.value)))

  const saved = createKeyedResource<SavedIds>({ ttlMs: IDS_TTL_MS })
  const idsEndpoint = ref<IdsEndpoint>('unknown')
  /** The shopper's choice per product that the backend has not confirmed yet. */
  const choices = ref<Record<number, boolean>>({})
  /** The backend's answers to our own changes (and other tabs'). */
  const settled = ref<Record<number, SettledAnswer>>({})
  /** Entries by product id (the /wishlist page; also what an add answered). */
  const entriesById = ref<Record<number, WishlistEntry>>({})
  // Not state (the clock is this instance's, so none of it travels in the SSR payload), but reactive: rows follow it.
  /** When the list page that had each entry was asked for; 0 (older than anything read here): the server's render. */
  const entryAskedAt = ref<Record<number, number>>({})
  /** The /wishlist list lacks something the backend has (added since it was read): read it again. */
  const outdated = ref(false)

  // Bookkeeping of this store instance (per app, so per SSR request), not state.
  /** Orders what this instance asked for and was answered: reads stamp when asked, our changes when answered. */
  let clock = 0
  let listAskedAt = 0
  const drains = new Map<number, Drain>()
  let scope = new AbortController()
  let moreIds: AbortController | null = null
  /** Products "Undo" on /wishlist is putting back (restore): the list still holds each one's entry, where it was. */
  const puttingBack = new Set<number>()
  // Products the shop stopped selling, said by the name this browser showed them under (./goneWatch.ts).
  const gone = createGoneWatch({
    api,
    owner: () => owner.value,
    isListed: productId => isListed(productId),
    // Changed here or in another tab since a read was asked for: that read says nothing certain of it.
    changedSince: (productId, askedAt) => choices.value[productId] !== undefined || (settled.value[productId]?.at ?? 0) > askedAt,
    signal: () => scope.signal,
  })
  const { remember, forgetShown, compareRead } = gone

  const savedEntry = computed(() => (ownerKey.value === null ? undefined : saved.get(ownerKey.value)))
  const savedSet = computed(() => new Set(savedEntry.value?.data?.ids ?? []))

  const sources = (): WishlistSources => ({
    ids: savedEntry.value?.data,
    idSet: savedSet.value,
    choices: choices.value,
    settled: settled.value,
    entryAskedAt: entryAskedAt.value,
  })
  const backendState = (productId: number) => backendStateOf(sources(), productId)
  const isSaved = (productId: number) => isSavedOf(sources(), productId)
  const isListed = (productId: number) => isListedOf(sources(), productId)
  /** Products in the wishlist as the screen shows them; null until every id is known. */
  const count = computed(() => savedCount(sources()))

  function keepEntries(entries: readonly WishlistEntry[]): void {
    for (const entry of entries) entriesById.value[entry.product.id] = markRaw(entry)
    remember(entries)
  }

  function settle(productId: number, value: boolean): void {
    settled.value[productId] = { saved: value, at: ++clock }
    // An addition is news to the /wishlist list, unless it is an Undo whose entry the list still holds in place.
    if (value && !(puttingBack.has(productId) && listState()?.ids.includes(productId))) outdated.value = true
  }

  /** Ids asked for after every page of the /wishlist list was: the list is read again if it lacks an addition. */
  function noticeListGaps(ids: readonly number[], askedAt: number): void {
    const state = listState()
    if (!state?.fetchedAt || listAskedAt > askedAt) return
    const removedSince = (id: number) => choices.value[id] === false || settled.value[id]?.saved === false
    if (listLacksAddition(ids, state, removedSince)) outdated.value = true
  }

  /** The ids for hearts: one request, unless fresh; a backend without /wishlist/ids/ then gets the rest read. */
  async function loadIds(options: { force?: boolean } = {}): Promise<void> {
    const key = ownerKey.value
    if (key === null) return
    if (options.force) moreIds?.abort()
    const entry = await saved.load(key, async (signal) => {
      const askedAt = ++clock
      // Not asked on this page yet: an earlier page of this tab may have learnt that the backend lacks it.
      const endpoint = idsEndpoint.value === 'unknown' && idsAbsentRemembered(API_BASE) ? 'absent' : idsEndpoint.value
      const result = await readIds(service, endpoint, signal)
      if (!signal.aborted) {
        if (result.endpoint !== endpoint) rememberIdsEndpoint(API_BASE, result.endpoint === 'absent')
        idsEndpoint.value = result.endpoint
        keepEntries(result.entries)
        noticeListGaps(result.saved.ids, askedAt)
        if (result.saved.complete && ownerKey.value === key) compareRead(result.saved.ids, askedAt)
      }
      return { ...result.saved, askedAt }
    }, options)
    if (entry.data && !entry.data.complete && ownerKey.value === key) await readRestOfIds(key)
  }

  /**
   * The fallback's remaining pages, one at a time. A failure leaves the ids incomplete (those hearts show
   * "not saved", the count stays unknown); the next loadIds carries on from where it stopped.
   */
  async function readRestOfIds(key: string): Promise<void> {
    if (moreIds) return
    const controller = new AbortController()
    moreIds = controller
    const stop = () => controller.abort()
    scope.signal.addEventListener('abort', stop)
    try {
      for (;;) {
        const data = saved.get(key)?.data
        if (!data || data.complete || controller.signal.aborted) return
        keepEntries(await readMoreIds(service, data, controller.signal))
        if (data.complete && !controller.signal.aborted && ownerKey.value === key) compareRead(data.ids, data.askedAt)
      }
    }
    catch (error) {
      if (!controller.signal.aborted) console.warn('[wishlist] reading the rest of the ids failed', toApiErrorData(error).message)
    }
    finally {
      scope.signal.removeEventListener('abort', stop)
      if (moreIds === controller) moreIds = null
    }
  }

  /** Sends what the shopper chose for a product until the backend agrees; one request at a time per product. */
  function drain(productId: number): Promise<void> {
    const running = drains.get(productId)
    if (running) return running.promise
    const signal = scope.signal
    const record: Drain = { promise: Promise.resolve() }
    drains.set(productId, record)
    record.promise = (async () => {
      try {
        for (;;) {
          const wanted = choices.value[productId]
          if (wanted === undefined) return
          if (wanted === backendState(productId)) {
            Reflect.deleteProperty(choices.value, productId)
            return
          }
          try {
            if (wanted) keepEntries([await service.add(productId, { signal })])
            else await service.remove(productId, { signal })
          }
          catch (error) {
            if (signal.aborted) return
            Reflect.deleteProperty(choices.value, productId)
            // Still in the wishlist (as far as anyone knows): remembered again, to be said if the shop stops selling it.
            const entry = entriesById.value[productId]
            if (!wanted && entry) remember([entry])
            const data = toApiErrorData(error)
            // No answer, or the server failed: the change may have been made anyway. Ask what the backend has.
            if (data.status === 0 || data.status >= 500) void loadIds({ force: true })
            throw new WishlistRefusal(productId, wanted, data)
          }
          if (signal.aborted) return
          settle(productId, wanted)
        }
      }
      finally {
        // Synchronously at the loop's end: a choice made after this starts a new drain rather than being missed.
        if (drains.get(productId) === record) drains.delete(productId)
      }
    })()
    return record.promise
  }

  /**
   * The shopper wants a product in (true) or out of (false) the wishlist: shown at once, then sent. Resolves once
   * the backend agrees with the shopper's last choice; rejects with a WishlistRefusal after rolling back.
   */
  function setSaved(productId: number, wanted: boolean): Promise<void> {
    if (ownerKey.value === null) {
      return Promise.reject(new WishlistRefusal(productId, wanted, { status: 401, code: 'signed_out', message: 'Sign in to keep a wishlist.', fieldErrors: {}, retryable: false }))
    }
    choices.value[productId] = wanted
    if (!wanted) forgetShown(productId)
    return drain(productId)
  }

  /**
   * "Undo" of a removal on /wishlist: the product is added again (setSaved). The backend dates the entry now, so a
   * read would list it first; the list is not read again for it, and the shopper finds it where it was until the
   * list is read again anyway (a later visit).
   */
  function restore(productId: number): Promise<void> {
    puttingBack.add(productId)
    const settledAt = setSaved(productId, true)
    const done = () => puttingBack.delete(productId)
    void settledAt.then(done, done)
    return settledAt
  }

  function toggle(productId: number): Promise<void> {
    return setSaved(productId, !isSaved(productId))
  }

  /**
   * Right after sign-in: the shopper's wishlist at the backend plus what they chose before signing in. A union:
   * nothing at the backend is removed or replaced. One result per product, in order.
   */
  function mergeAtSignIn(productIds: readonly number[]): Promise<PromiseSettledResult<void>[]> {
    const additions = productIds.map(id => setSaved(id, true))
    void loadIds()
    return Promise.allSettled(additions)
  }

  /** Another tab of this browser changed a product: take its answer from the backend as ours. */
  function applyRemote(productId: number, value: boolean): void {
    if (ownerKey.value === null) return
    settle(productId, value)
    if (!value) forgetShown(productId)
  }

  /** Signed out (here or in another tab): nothing of the shopper's wishlist stays, and their requests stop. */
  function clear(): void {
    scope.abort()
    scope = new AbortController()
    moreIds = null
    drains.clear()
    puttingBack.clear()
    choices.value = {}
    settled.value = {}
    for (const key of Object.keys(saved.entries.value)) saved.forget(key)
    list.reset()
    entriesById.value = {}
    entryAskedAt.value = {}
    outdated.value = false
    gone.clear()
  }

  const list = createCursorList<WishlistListParams, WishlistEntry>({
    fetchPage: async (params, page) => {
      const askedAt = ++clock
      listAskedAt = askedAt
      const answer = await service.list(page)
      if (page.signal.aborted) return answer
      for (const entry of answer.items) entryAskedAt.value[entry.product.id] = askedAt
      // The whole wishlist in one page: as complete a read as the ids.
      if (!page.cursor && answer.nextCursor === null && params.owner === owner.value) compareRead(answer.items.map(entry => entry.product.id), askedAt)
      return answer
    },
    keep: keepEntries,
    idOf: entry => entry.product.id,
    keyOf: params => String(params.owner),
    ttlMs: LIST_TTL_MS,
    pageSize: WISHLIST_PAGE_SIZE,
    maxPageSize: WISHLIST_MAX_PAGE_SIZE,
  })

  function listParams(): WishlistListParams | null {
    return owner.value === null ? null : { owner: owner.value }
  }

  function listState(): CursorListState<WishlistListParams> | undefined {
    const params = listParams()
    return params ? list.get(params) : undefined
  }

  /**
   * The /wishlist page in the browser (its list may be the server's render): the entries it shows are remembered,
   * and compared with what this browser showed before when they are the whole wishlist.
   */
  function noticeShown(): void {
    const state = listState()
    if (!state?.fetchedAt) return
    // The whole wishlist in one page, read at once (pages read apart may miss what was added between them).
    if (!state.hasNext && state.pages.length === 1) compareRead(state.ids, listAskedAt)
    remember(state.ids.flatMap(id => entriesById.value[id] ?? []))
  }

  /** The /wishlist list, newest first; loaded again when something was added since. */
  async function fetchFirst(): Promise<CursorListState<WishlistListParams> | undefined> {
    const params = listParams()
    if (!params) return undefined
    const force = outdated.value
    outdated.value = false
    return list.activate(params, { force })
  }

  return {
    ids: saved.entries,
    idsEndpoint,
    choices,
    settled,
    entriesById,
    lists: list.lists,
    count,
    /** Whether the /wishlist list lacks a product the backend has (added here, in another tab or device since). */
    listOutdated: computed(() => outdated.value),
    /** Products the shop stopped selling that left the wishlist (said once; shown on /wishlist until dismissed). */
    gone: gone.entries,
    isSaved,
    isListed,
    loadIds,
    setSaved,
    restore,
    toggle,
    mergeAtSignIn,
    applyRemote,
    clear,
    noticeShown,
    dismissGone: gone.dismiss,
    fetchFirst,
    listState,
    loadMore: async () => {
      const params = listParams()
      if (params) await list.loadMore(params)
    },
    retry: async () => {
      const params = listParams()
      if (params) await list.retry(params)
    },
  }
})

export type WishlistStore = ReturnType<typeof useWishlistStore>
