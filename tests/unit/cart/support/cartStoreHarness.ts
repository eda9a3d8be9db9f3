import { afterEach, beforeEach, expect, vi } from 'vitest'
import { useCartStore } from '~/stores/cart/cart'
import type { FakeCall, FakeApi } from '../../../support/fakeApi'
import { installApiSession } from '../../../support/installedApi'
import { useFakeApi } from '../../../support/useFakeApi'
import { createCartBackend, type CartBackend, type TestLine } from '../../../support/cartBackend'
import { pageWindow } from '../../../support/tabStorage'

// The cart store against a fake transport whose answers a small cart backend (tests/support/cartBackend.ts)
// computes. Calls nobody scripted wait for the test, so overlap and order are under its control.

/** Line 1 (product 10, 2 × $10.00, stock 8) and line 2 (product 20, variant 201, 1 × $5.00, stock 3). */
const TWO_LINES: TestLine[] = [
  { id: 1, productId: 10, variantId: null, quantity: 2, unitCents: 1000, stock: 8 },
  { id: 2, productId: 20, variantId: 201, quantity: 1, unitCents: 500, stock: 3 },
]

export interface CartStoreHarness {
  /** The current test's fake transport. */
  readonly fake: FakeApi
  /** The backend behind GET /cart/ (the one the last serveCart or loadedStore made). */
  readonly backend: CartBackend
  /** window.localStorage, emptied before every test. */
  readonly storage: Map<string, string>
  /** The api session: no access token in memory until refresh() is called, as after a page load. */
  readonly session: { token: string | null, refresh: ReturnType<typeof vi.fn> }
  /** A new backend with these lines, answering GET /cart/. */
  serveCart(lines?: TestLine[]): CartBackend
  /** A store for a guest with the cart marker whose cart (TWO_LINES) is not loaded yet. */
  guestStore(): ReturnType<typeof useCartStore>
  /** guestStore(), with the cart loaded. */
  loadedStore(): Promise<ReturnType<typeof useCartStore>>
  /** The PATCH calls made to one line, in order. */
  patches(id: number): FakeCall[]
}

/** For every test of the file: a fake transport and api session, a fake localStorage, no globals left behind. */
export function useCartStoreHarness(): CartStoreHarness {
  const fake = useFakeApi()
  const storage = new Map<string, string>()
  const session = { token: null as string | null, getAccessToken: () => session.token, getStatus: () => 'unknown' as const, refresh: vi.fn(async () => (session.token = 'access-token')) }
  let backend: CartBackend | undefined

  beforeEach(() => {
    backend = undefined
    session.token = null
    session.refresh.mockClear()
    installApiSession(session)
    storage.clear()
    vi.stubGlobal('window', pageWindow(storage))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    installApiSession(null)
  })

  const harness: CartStoreHarness = {
    get fake() {
      return fake.current
    },
    get backend() {
      if (!backend) throw new Error('useCartStoreHarness: call serveCart or loadedStore first')
      return backend
    },
    storage,
    session,
    serveCart(lines = []) {
      const served = createCartBackend(lines)
      backend = served
      fake.current.on('GET', '/cart/', () => served.dto())
      return served
    },
    guestStore() {
      harness.serveCart(TWO_LINES)
      vi.stubGlobal('document', { cookie: 'sf_cart=1' })
      return useCartStore()
    },
    async loadedStore() {
      const store = harness.guestStore()
      await store.ensureLoaded()
      return store
    },
    patches(id) {
      return fake.current.callsTo(`/cart/items/${id}/`, 'PATCH')
    },
  }
  return harness
}

export function quantityOf(call: FakeCall): number {
  return (call.body as { quantity: number }).quantity
}

/** Requests start a few microtasks later (the queue's turn, the token check): wait until `count` went out. */
export async function sent<T extends unknown[]>(calls: () => T, count = 1): Promise<T> {
  await vi.waitFor(() => expect(calls().length).toBeGreaterThanOrEqual(count))
  return calls()
}
