import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import type { ApiClient } from '~/composables/core/api/types'
import { startWishlist } from '~/composables/wishlist/wishlistRuntime'
import WishlistPage from '~/pages/wishlist.vue'
import type { User } from '~/services/domain/user'
import { useAuthStore } from '~/stores/auth'
import type { ProductRecord } from '../../mocks/db/types'
import { hearAnnouncements } from '../../support/announcements'
import { createDemoApi, type DemoApi } from '../../support/demoApi'
import { installApi, installApiSession } from '../../support/installedApi'
import { mountComposable, mountInNuxt } from '../../support/nuxt'
import { freshStores } from '../../support/stores'

/** The current test's demo backend, its signed-in shopper, and what the app announced. */
export interface SignedInDemo {
  demo: DemoApi
  shopper: User
  heard: string[]
}

/**
 * A file's set-up for /wishlist against the demo backend behind the real api core (through `wrap`, for the test's
 * faults): a shopper signed in at the backend, fresh stores and storage, announcements heard. BroadcastChannel is
 * stubbed out: a tab is the file's stores here, and a channel left by an earlier test would hear this one's.
 * Returns the current test's pieces (filled before each test).
 */
export function useSignedInDemo(wrap: (api: ApiClient) => ApiClient = api => api): SignedInDemo {
  const current = {} as SignedInDemo
  beforeEach(async () => {
    current.demo = createDemoApi()
    installApi(wrap(current.demo.api))
    installApiSession({ getAccessToken: () => 'held', setAccessToken: () => {}, signOut: () => {} })
    vi.stubGlobal('BroadcastChannel', undefined)
    freshStores()
    localStorage.clear()
    current.heard = hearAnnouncements()
    current.shopper = await current.demo.signIn()
  })
  afterEach(() => {
    document.body.replaceChildren()
    vi.useRealTimers()
    installApi(null)
    installApiSession(null)
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })
  return current
}

/** /wishlist mounted, once it shows `rows` rows. */
export async function showWishlistPage(rows: number): Promise<VueWrapper> {
  const page = await mountInNuxt(WishlistPage, { attachTo: document.body, route: '/wishlist' })
  await vi.waitFor(() => expect(page.findAll('ul[aria-label="Saved products"] > li')).toHaveLength(rows))
  return page
}

/** The shopper's wishlist holding `products` (the last one newest), this tab's wishlist started, and /wishlist shown. */
export async function showSavedWishlist(current: SignedInDemo, products: readonly ProductRecord[]): Promise<{ page: VueWrapper, runtime: ReturnType<typeof startWishlist> }> {
  for (const product of products) expect((await current.demo.call('/wishlist/', { method: 'POST', body: { product_id: product.id } })).status).toBe(201)
  useAuthStore().$patch({ user: current.shopper, status: 'signed_in' })
  const { result: runtime } = await mountComposable(() => startWishlist())
  return { page: await showWishlistPage(products.length), runtime }
}
