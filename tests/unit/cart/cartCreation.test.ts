import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useCartStore } from '~/stores/cart/cart'
import { apiError } from '../../support/fakeApi'
import { CART_CREATION_WAIT_MS } from '~/stores/cart/cartCreation'
import { installApiSession } from '../../support/installedApi'
import { useFakeApi } from '../../support/useFakeApi'
import { createCartBackend } from '../../support/cartBackend'
import { pageWindow } from '../../support/tabStorage'

// A guest's first addition makes the cart, and only its answer gives this browser the cart's cookie. Another page of
// the same browser (a tab, or the page the shopper just left by a full page load, whose addition is kept alive)
// may have such an addition on its way: an addition sent meanwhile without the cookie makes a second cart, and the
// later answer's cookie loses the other one. The page here shares storage and cookies with that page, as a browser
// does; the backend is a fake whose calls the test answers.
const fake = useFakeApi()
const CREATING = 'sf-cart-creating'

const storage = new Map<string, string>()
const cookies = { cookie: '' }
beforeEach(() => {
  vi.useFakeTimers()
  installApiSession({ getAccessToken: () => null, getStatus: () => 'unknown', refresh: async () => null })
  storage.clear()
  cookies.cookie = ''
  vi.stubGlobal('document', cookies)
  vi.stubGlobal('window', pageWindow(storage))
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  installApiSession(null)
})

/** The other page sent its first addition just now; the backend will have made its cart with product 10 in it. */
function otherPageIsAdding() {
  storage.set(CREATING, String(Date.now()))
  const backend = createCartBackend([{ id: 1, productId: 10, variantId: null, quantity: 2, unitCents: 1000, stock: 8 }])
  fake.current.on('POST', '/cart/items/', () => backend.add(20, null, 1))
  return backend
}

describe('cart store: one addition that may make the cart at a time, across the pages of a browser', () => {
  it('waits for the other page\'s addition to land (its cookie with it), then adds to that cart', async () => {
    const backend = otherPageIsAdding()
    fake.current.on('GET', '/cart/', () => backend.dto())
    const store = useCartStore()
    const loading = store.ensureLoaded()
    const added = store.add({ productId: 20, variantId: null, quantity: 1 })
    await vi.advanceTimersByTimeAsync(2_000)
    expect(fake.current.callsTo('/cart/items/', 'POST'), 'nothing sent while the other page has no answer').toHaveLength(0)
    // What the other page's cart holds is not known here until its answer lands: no count, rather than a wrong "1".
    expect(store.itemCount, 'no count while the other page makes the cart').toBeNull()

    // The other page's answer lands: the BFF set the cart's cookie and the marker.
    cookies.cookie = 'sf_cart=1'
    await vi.advanceTimersByTimeAsync(200)
    await expect(added).resolves.toMatchObject({ itemCount: 3 })
    expect(fake.current.callsTo('/cart/items/', 'POST')).toHaveLength(1)
    expect(store.itemCount).toBe(3)
    await loading
  })

  it('a page opened while the page left still makes the guest\'s cart shows that cart once its answer lands', async () => {
    const backend = otherPageIsAdding()
    fake.current.on('GET', '/cart/', () => backend.dto())
    const store = useCartStore()
    const loading = store.ensureLoaded()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(fake.current.callsTo('/cart/'), 'nothing to read before that answer names the cart').toHaveLength(0)

    cookies.cookie = 'sf_cart=1'
    await vi.advanceTimersByTimeAsync(200)
    await loading
    expect(fake.current.callsTo('/cart/')).toHaveLength(1)
    expect(store.itemCount, 'not "empty" until the next addition').toBe(2)
  })

  it('a page opened while another page\'s addition failed knows the cart is empty once that is overdue', async () => {
    otherPageIsAdding()
    const store = useCartStore()
    const loading = store.ensureLoaded()
    await vi.advanceTimersByTimeAsync(CART_CREATION_WAIT_MS + 200)
    await loading
    expect(fake.current.calls).toHaveLength(0)
    expect(store.status).toBe('success')
    expect(store.itemCount).toBe(0)
  })

  it('goes ahead once the other page\'s addition is overdue (it failed: no cart was made)', async () => {
    otherPageIsAdding()
    const store = useCartStore()
    const added = store.add({ productId: 20, variantId: null, quantity: 1 })
    await vi.advanceTimersByTimeAsync(CART_CREATION_WAIT_MS - 200)
    expect(fake.current.callsTo('/cart/items/', 'POST')).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(400)
    await expect(added).resolves.toMatchObject({ itemCount: 3 })
  })

  it('after waiting, a lost answer is not taken for made when the other page added the same product', async () => {
    storage.set(CREATING, String(Date.now()))
    // The other page added product 20 too; this page's addition got no answer and was not made.
    const theirs = createCartBackend([{ id: 1, productId: 20, variantId: null, quantity: 1, unitCents: 1000, stock: 8 }])
    fake.current.on('POST', '/cart/items/', apiError(0, 'We could not reach the store.'))
    fake.current.on('GET', '/cart/', () => theirs.dto())
    const store = useCartStore()
    const loading = store.ensureLoaded()
    const added = store.add({ productId: 20, variantId: null, quantity: 1 }).catch((failure: unknown) => failure)
    await vi.advanceTimersByTimeAsync(500)
    cookies.cookie = 'sf_cart=1'
    await vi.advanceTimersByTimeAsync(200)
    expect(await added, 'the shopper is asked to check, not told it was added').toMatchObject({ code: 'unconfirmed' })
    await loading
    expect(store.itemCount).toBe(1)
  })

  it('a page that found no cart, adding after another page made one: no count of "1", and a lost answer is not taken for made', async () => {
    const store = useCartStore()
    await store.ensureLoaded()
    expect(store.itemCount, 'no marker, no other page: empty').toBe(0)
    // Another page then made the cart with product 20 in it, and left before its answer (no tab was told).
    const theirs = createCartBackend([{ id: 1, productId: 20, variantId: null, quantity: 1, unitCents: 1000, stock: 8 }])
    cookies.cookie = 'sf_cart=1'
    fake.current.on('GET', '/cart/', () => theirs.dto())

    const added = store.add({ productId: 20, variantId: null, quantity: 1 }).catch((failure: unknown) => failure)
    await vi.waitFor(() => expect(fake.current.callsTo('/cart/items/', 'POST')).toHaveLength(1))
    expect(store.itemCount, 'what that cart holds is not known here: no count rather than "1"').toBeNull()
    // No answer to this page's addition (it was not made).
    fake.current.callsTo('/cart/items/', 'POST')[0]!.reject(apiError(0, 'We could not reach the store.'))
    expect(await added, 'the shopper is asked to check, not told it was added').toMatchObject({ code: 'unconfirmed' })
    expect(store.itemCount).toBe(1)
  })

  it('tells the other pages while its own first addition is on its way, and stops once answered', async () => {
    const store = useCartStore()
    await store.ensureLoaded()
    const added = store.add({ productId: 20, variantId: null, quantity: 1 })
    await vi.waitFor(() => expect(fake.current.callsTo('/cart/items/', 'POST')).toHaveLength(1))
    expect(storage.get(CREATING), 'when it was sent').toMatch(/^\d+$/)
    fake.current.calls[0]!.resolve(createCartBackend().add(20, null, 1))
    await added
    expect(storage.has(CREATING)).toBe(false)
  })
})
