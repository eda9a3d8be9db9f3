import { describe, expect, it } from 'vitest'
import type { CursorPageDto, WishlistItemDto } from '~/services/dto'
import { useAuthStore } from '~/stores/auth'
import { useWishlistStore, WishlistRefusal } from '~/stores/wishlist/wishlist'
import { apiError, type FakeCall } from '../../support/fakeApi'
import { seed } from '../../support/fixtures'
import { deferred, settle } from '../../support/promises'
import { GRACE, item, page, signedIn, useWishlistStoreHarness } from './support/wishlistStoreHarness'

const { fake, changes, held } = useWishlistStoreHarness()

describe('wishlist store: the ids hearts read', () => {
  it('reads every id in one request from /wishlist/ids/, and counts them', async () => {
    fake.current.on('GET', '/wishlist/ids/', { product_ids: [3, 2, 1] })
    const store = signedIn()
    await store.loadIds()
    await store.loadIds()
    expect(fake.current.calls.map(c => c.path)).toEqual(['/wishlist/ids/'])
    expect([1, 2, 3, 4].map(store.isSaved)).toEqual([true, true, true, false])
    expect(store.count).toBe(3)
  })

  it('falls back to the list (100 a page) on a backend without /wishlist/ids/, and remembers that', async () => {
    fake.current
      .on('GET', '/wishlist/ids/', apiError(405, 'Method "GET" not allowed.'))
      .on('GET', '/wishlist/', (call: FakeCall) => (call.query.cursor ? page([1]) : page([3, 2], 'c2')))
    const store = signedIn()
    await store.loadIds()
    expect(fake.current.calls.map(c => [c.path, c.query.page_size ?? null, c.query.cursor ?? null])).toEqual([
      ['/wishlist/ids/', null, null], ['/wishlist/', 100, null], ['/wishlist/', 100, 'c2'],
    ])
    expect([1, 2, 3, 4].map(store.isSaved)).toEqual([true, true, true, false])
    expect(store.count).toBe(3)
    await store.loadIds({ force: true })
    expect(fake.current.calls.slice(3).map(c => c.path)).toEqual(['/wishlist/', '/wishlist/'])
  })

  it('does not count or deny what it has not read yet: the rest of a long fallback list is unknown until read', async () => {
    const rest = deferred<CursorPageDto<WishlistItemDto>>()
    fake.current.on('GET', '/wishlist/ids/', apiError(404, 'Not found.')).on('GET', '/wishlist/', page([3, 2], 'c2'), () => rest.promise)
    const store = signedIn()
    const loading = store.loadIds()
    await settle()
    await settle()
    expect(store.isSaved(3)).toBe(true)
    expect(store.isSaved(1)).toBe(false)
    expect(store.count).toBeNull()
    rest.resolve(page([1]))
    await loading
    expect(store.isSaved(1)).toBe(true)
    expect(store.count).toBe(3)
  })
})

describe('wishlist store: toggling', () => {
  it('shows a choice at once and settles on the backend\'s answer', async () => {
    fake.current.on('GET', '/wishlist/ids/', { product_ids: [] })
    const store = signedIn()
    await store.loadIds()
    const adding = store.toggle(5)
    expect(store.isSaved(5)).toBe(true)
    expect(store.count).toBe(1)
    held('POST').resolve(item(5))
    await adding
    expect(store.isSaved(5)).toBe(true)
    expect(store.choices).toEqual({})
    expect(changes()).toEqual(['+5'])
  })

  it('five fast taps: one request in flight at a time, then only the difference; ends in the last choice', async () => {
    fake.current.on('GET', '/wishlist/ids/', { product_ids: [] })
    const store = signedIn()
    await store.loadIds()
    const taps = Array.from({ length: 5 }, () => store.toggle(5))
    expect(store.isSaved(5)).toBe(true)
    expect(changes()).toEqual(['+5'])
    held('POST').resolve(item(5))
    await Promise.all(taps)
    // Saved, unsaved, saved, unsaved, saved: the last choice equals what the first request did. Nothing else sent.
    expect(changes()).toEqual(['+5'])
    expect(store.isSaved(5)).toBe(true)

    const more = Array.from({ length: 4 }, () => store.toggle(5))
    expect(store.isSaved(5)).toBe(true)
    held('DELETE').resolve(undefined)
    await settle()
    // The backend removed it; the shopper's last choice was "saved" again: only that difference goes.
    expect(changes()).toEqual(['+5', '-5', '+5'])
    held('POST', 1).resolve(item(5))
    await Promise.all(more)
    expect(store.isSaved(5)).toBe(true)
    expect(store.choices).toEqual({})
  })

  it('products are independent: a request for one does not hold up another', async () => {
    fake.current.on('GET', '/wishlist/ids/', { product_ids: [] })
    const store = signedIn()
    await store.loadIds()
    void store.toggle(5)
    void store.toggle(6)
    expect(changes()).toEqual(['+5', '+6'])
  })

  it('rolls back a refused change and says why; the next tap starts afresh', async () => {
    fake.current.on('GET', '/wishlist/ids/', { product_ids: [5] })
    const store = signedIn()
    await store.loadIds()
    const removing = store.toggle(5)
    expect(store.isSaved(5)).toBe(false)
    held('DELETE').reject(apiError(400, 'Refused.'))
    const refusal = await removing.catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(WishlistRefusal)
    expect(refusal).toMatchObject({ productId: 5, wanted: false, error: { status: 400, message: 'Refused.' } })
    expect(store.isSaved(5)).toBe(true)
    expect(store.count).toBe(1)
    // A refusal with an answer says what the backend has: no need to ask again.
    expect(fake.current.callsTo('/wishlist/ids/')).toHaveLength(1)
  })

  it('after a failure without an answer, asks the backend what it has (the change may have happened)', async () => {
    const reread = deferred<{ product_ids: number[] }>()
    fake.current.on('GET', '/wishlist/ids/', { product_ids: [] }, () => reread.promise)
    const store = signedIn()
    await store.loadIds()
    const adding = store.toggle(5)
    held('POST').reject(apiError(0, 'Network error'))
    await expect(adding).rejects.toBeInstanceOf(WishlistRefusal)
    expect(store.isSaved(5)).toBe(false)
    expect(fake.current.callsTo('/wishlist/ids/')).toHaveLength(2)
    // The add had reached the backend after all: the heart follows what the backend has.
    reread.resolve({ product_ids: [5] })
    await settle()
    expect(store.isSaved(5)).toBe(true)
  })

  it('a tap before the ids arrive is sent as chosen (adding and removing are idempotent), and the ids do not undo it', async () => {
    const store = signedIn()
    const loading = store.loadIds()
    const adding = store.toggle(9)
    expect(changes()).toEqual(['+9'])
    held('POST').resolve(item(9))
    await adding
    // The ids were read before the add reached the backend: our newer answer stands.
    held('GET').resolve({ product_ids: [4] })
    await loading
    expect(store.isSaved(9)).toBe(true)
    expect(store.isSaved(4)).toBe(true)
    expect(store.count).toBe(2)
  })

  it('a signed-out shopper cannot change anything: refused without a request', async () => {
    const store = useWishlistStore()
    await expect(store.toggle(5)).rejects.toMatchObject({ error: { status: 401 } })
    expect(fake.current.calls).toEqual([])
  })
})

describe('wishlist store: sign-in and sign-out', () => {
  it('at sign-in, the union: what was chosen signed out is added, nothing at the backend is removed', async () => {
    fake.current.on('GET', '/wishlist/ids/', { product_ids: [1, 2] })
    const store = signedIn()
    const merging = store.mergeAtSignIn([2, 5])
    held('POST', 0).resolve(item(2))
    held('POST', 1).resolve(item(5))
    const results = await merging
    expect(results.map(r => r.status)).toEqual(['fulfilled', 'fulfilled'])
    await settle()
    expect(changes()).toEqual(['+2', '+5'])
    expect([1, 2, 5].map(store.isSaved)).toEqual([true, true, true])
    expect(store.count).toBe(3)
  })

  it('at sign-out, forgets everything of the shopper and stops their requests; the next shopper starts empty', async () => {
    fake.current.on('GET', '/wishlist/ids/', { product_ids: [1, 2] }).on('GET', '/wishlist/', page([2, 1]))
    const store = signedIn()
    await store.loadIds()
    await store.fetchFirst()
    const adding = store.toggle(5)
    useAuthStore().$patch({ user: null, status: 'signed_out' })
    store.clear()
    await adding
    expect(held('POST').signal?.aborted).toBe(true)
    expect([1, 2, 5].map(store.isSaved)).toEqual([false, false, false])
    expect(store.count).toBeNull()
    expect(JSON.stringify(store.$state)).not.toMatch(/"(ids|choices|entriesById)":\{"/)
    expect(store.listState()).toBeUndefined()

    fake.current.on('GET', '/wishlist/ids/', { product_ids: [9] })
    signedIn(GRACE)
    await store.loadIds()
    expect([1, 2, 9].map(store.isSaved)).toEqual([false, false, true])
  })

  it('keys everything by shopper: another shopper never sees the previous one\'s ids', async () => {
    fake.current.on('GET', '/wishlist/ids/', { product_ids: [1] })
    const store = signedIn()
    await store.loadIds()
    useAuthStore().$patch({ user: GRACE })
    expect(store.isSaved(1)).toBe(false)
    expect(store.count).toBeNull()
  })
})

describe('wishlist store: the /wishlist list', () => {
  it('lists entries newest first by product id; a removed one leaves the list at once, and returns if refused', async () => {
    fake.current.on('GET', '/wishlist/', page([3, 2, 1]))
    const store = signedIn()
    const list = await store.fetchFirst()
    expect(list?.ids).toEqual([3, 2, 1])
    expect(store.entriesById[2]?.product.title).toBe(seed.product(2).title)
    const removing = store.setSaved(2, false)
    expect([3, 2, 1].filter(store.isListed)).toEqual([3, 1])
    held('DELETE').reject(apiError(503, 'Busy'))
    await expect(removing).rejects.toBeInstanceOf(WishlistRefusal)
    expect([3, 2, 1].filter(store.isListed)).toEqual([3, 2, 1])
  })

  it('is read again after something was added elsewhere', async () => {
    fake.current.on('GET', '/wishlist/', page([1]), page([4, 1])).on('POST', '/wishlist/', item(4))
    const store = signedIn()
    await store.fetchFirst()
    await store.fetchFirst()
    expect(fake.current.callsTo('/wishlist/')).toHaveLength(1)
    await store.setSaved(4, true)
    const list = await store.fetchFirst()
    expect(list?.ids).toEqual([4, 1])
  })

  it('keeps a product Undo put back where the list had it: re-added at the backend, not read again for it', async () => {
    fake.current.on('GET', '/wishlist/', page([3, 2, 1])).on('DELETE', '/wishlist/2/', undefined).on('POST', '/wishlist/', item(2, 2002))
    const store = signedIn()
    await store.fetchFirst()
    await store.setSaved(2, false)
    expect([3, 2, 1].filter(store.isListed)).toEqual([3, 1])
    await store.restore(2)
    expect(fake.current.calls.map(c => `${c.method} ${c.path}`)).toEqual(['GET /wishlist/', 'DELETE /wishlist/2/', 'POST /wishlist/'])
    expect(store.listOutdated).toBe(false)
    expect(store.listState()?.ids).toEqual([3, 2, 1])
    expect([3, 2, 1].filter(store.isListed)).toEqual([3, 2, 1])
    expect(store.isSaved(2)).toBe(true)
  })
})

describe('wishlist store: the list settles on what the backend says', () => {
  it('a removed product stays gone when another change fails and the ids are read again', async () => {
    fake.current
      .on('GET', '/wishlist/', page([4, 3, 2, 1]))
      .on('GET', '/wishlist/ids/', { product_ids: [4, 3, 2, 1] }, { product_ids: [3, 2, 1] })
      .on('DELETE', '/wishlist/4/', undefined)
      .on('DELETE', '/wishlist/3/', apiError(503, 'Busy'))
    const store = signedIn()
    await store.fetchFirst()
    await store.loadIds()
    await store.setSaved(4, false)
    // The failure makes the store ask the backend what it has; the list's page still holds product 4.
    await expect(store.setSaved(3, false)).rejects.toBeInstanceOf(WishlistRefusal)
    await settle()
    expect(fake.current.callsTo('/wishlist/ids/')).toHaveLength(2)
    expect([4, 3, 2, 1].filter(store.isListed)).toEqual([3, 2, 1])
    expect(store.count).toBe(3)
    expect([4, 3].map(store.isSaved)).toEqual([false, true])
  })

  it('the newest word decides: a list page read after the ids shows its entries, ids read after the page hide what left', async () => {
    fake.current
      .on('GET', '/wishlist/ids/', { product_ids: [3, 1] }, { product_ids: [3, 1] })
      .on('GET', '/wishlist/', page([3, 2, 1]))
    const store = signedIn()
    await store.loadIds()
    // Product 2 was added (on another device) after those ids were read: the page is the newer word.
    await store.fetchFirst()
    expect([3, 2, 1].filter(store.isListed)).toEqual([3, 2, 1])
    // Removed again since: the ids asked for after the page say so, and rows and count agree.
    fake.current.on('GET', '/wishlist/ids/', { product_ids: [3, 1] })
    await store.loadIds({ force: true })
    expect([3, 2, 1].filter(store.isListed)).toEqual([3, 1])
    expect(store.count).toBe(2)
  })

  it('another tab\'s add marks the open list as behind, and reading it again brings the product in', async () => {
    fake.current.on('GET', '/wishlist/', page([2, 1]), page([5, 2, 1]))
    const store = signedIn()
    await store.fetchFirst()
    expect(store.listOutdated).toBe(false)
    store.applyRemote(5, true)
    expect(store.listOutdated).toBe(true)
    const list = await store.fetchFirst()
    expect(list?.ids).toEqual([5, 2, 1])
    expect(store.listOutdated).toBe(false)
  })

  it('newer ids with a product the list lacks mark it as behind; a product on a page not read yet does not', async () => {
    fake.current
      .on('GET', '/wishlist/', page([3, 2], 'c2'))
      .on('GET', '/wishlist/ids/', { product_ids: [3, 2, 1] }, { product_ids: [9, 3, 2, 1] })
    const store = signedIn()
    await store.fetchFirst()
    await store.loadIds()
    // Product 1 is older than everything listed, and the list has more pages: it is simply not read yet.
    expect(store.listOutdated).toBe(false)
    await store.loadIds({ force: true })
    // Product 9 is newer than product 3, which the list shows: it was added since the list was read.
    expect(store.listOutdated).toBe(true)
  })
})

