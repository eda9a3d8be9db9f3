import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useCartStore } from '~/stores/cart/cart'
import { claimCartCreation } from '~/stores/cart/cartCreation'
import { createCartBackend } from '../../support/cartBackend'
import { installApiSession } from '../../support/installedApi'
import { freshStores } from '../../support/stores'
import { pageWindow } from '../../support/tabStorage'
import { useFakeApi } from '../../support/useFakeApi'

// A guest's first addition claims "a cart is being made" in storage, so the other pages of the browser wait for its
// answer. A page left after the claim but before its request was sent (waiting for a token, the breaker, the
// transport's code) never sends it: its claim must not make the next page wait 12 s for nothing. A request that
// was sent is kept alive and lands: its claim stays, as before. Calls here are sent only when the test says
// (`sending: 'held'`), as a transport still waiting for something; every page shares storage and cookies.
const fake = useFakeApi({ sending: 'held' })
const CREATING = 'sf-cart-creating'

const storage = new Map<string, string>()
const cookies = { cookie: '' }
let page: EventTarget

/** A new page of the browser: its own window and stores, the browser's storage and cookies. */
function openPage(): EventTarget {
  page = pageWindow(storage)
  vi.stubGlobal('window', page)
  freshStores()
  return page
}

function pageTransition(target: EventTarget, type: 'pagehide' | 'pageshow', persisted: boolean): void {
  target.dispatchEvent(Object.assign(new Event(type), { persisted }))
}

const posts = () => fake.current.callsTo('/cart/items/', 'POST')

/** A guest's first addition on the current page, under way (its POST in the transport, not answered). */
async function firstAddition(productId: number) {
  const added = useCartStore().add({ productId, variantId: null, quantity: 1 })
  const before = posts().length
  await vi.waitFor(() => expect(posts()).toHaveLength(before + 1))
  expect(storage.get(CREATING), 'claimed: other pages wait for it').toMatch(/^\d+$/)
  return { added, call: posts().at(-1)! }
}

beforeEach(() => {
  vi.useFakeTimers()
  installApiSession({ getAccessToken: () => null, getStatus: () => 'unknown', refresh: async () => null })
  storage.clear()
  cookies.cookie = ''
  vi.stubGlobal('document', cookies)
  openPage()
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  installApiSession(null)
})

describe('cart store: the creation claim of a page the shopper leaves', () => {
  it('left before its request was sent: the claim goes with the page, and the next page adds at once', async () => {
    const left = page
    await firstAddition(10)
    pageTransition(left, 'pagehide', false)
    expect(storage.has(CREATING), 'nothing will land: no page should wait for it').toBe(false)

    openPage()
    const added = useCartStore().add({ productId: 20, variantId: null, quantity: 1 })
    await vi.advanceTimersByTimeAsync(0)
    expect(posts(), 'sent without waiting for the page left').toHaveLength(2)
    expect(storage.get(CREATING), 'this page\'s own claim').toMatch(/^\d+$/)
    posts()[1]!.send()
    posts()[1]!.resolve(createCartBackend().add(20, null, 1))
    await expect(added).resolves.toMatchObject({ itemCount: 1 })
    expect(storage.has(CREATING)).toBe(false)
  })

  it('left once its request was sent: the claim stays (it lands, kept alive), and the next page waits for its answer', async () => {
    const left = page
    const { call } = await firstAddition(10)
    call.send()
    pageTransition(left, 'pagehide', false)
    expect(storage.get(CREATING), 'its answer will set the cart\'s cookie').toMatch(/^\d+$/)

    openPage()
    const backend = createCartBackend()
    backend.add(10, null, 1)
    const added = useCartStore().add({ productId: 20, variantId: null, quantity: 1 })
    await vi.advanceTimersByTimeAsync(2_000)
    expect(posts(), 'nothing sent while the page left has no answer').toHaveLength(1)
    // The page left's answer lands: the BFF set the cart's cookie and the marker.
    cookies.cookie = 'sf_cart=1'
    await vi.advanceTimersByTimeAsync(200)
    expect(posts()).toHaveLength(2)
    posts()[1]!.resolve(backend.add(20, null, 1))
    await expect(added).resolves.toMatchObject({ itemCount: 2 })
  })

  it('kept in the back/forward cache unsent: no claim while frozen, claimed again when it comes back and goes on', async () => {
    const cached = page
    const { added, call } = await firstAddition(10)
    pageTransition(cached, 'pagehide', true)
    expect(storage.has(CREATING), 'frozen, it sends nothing, and it may never come back').toBe(false)

    pageTransition(cached, 'pageshow', true)
    expect(storage.get(CREATING), 'back, its request goes on: other pages wait for it again').toMatch(/^\d+$/)
    call.send()
    pageTransition(cached, 'pagehide', true)
    expect(storage.get(CREATING), 'sent before it was left again: it lands').toMatch(/^\d+$/)
    pageTransition(cached, 'pageshow', true)
    call.resolve(createCartBackend().add(10, null, 1))
    await expect(added).resolves.toMatchObject({ itemCount: 1 })
    expect(storage.has(CREATING)).toBe(false)
  })
})

describe('creation claim', () => {
  it('takes back only its own claim, and stops listening once released', () => {
    const claim = claimCartCreation()
    pageTransition(page, 'pagehide', false)
    // Another page claimed meanwhile.
    storage.set(CREATING, '1')
    claim.release()
    expect(storage.get(CREATING)).toBe('1')

    const later = claimCartCreation()
    later.release()
    storage.set(CREATING, '2')
    pageTransition(page, 'pageshow', true)
    pageTransition(page, 'pagehide', false)
    expect(storage.get(CREATING)).toBe('2')
  })
})
