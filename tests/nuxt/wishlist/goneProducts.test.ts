import { createPinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { User } from '~/services/domain/user'
import { useAuthStore } from '~/stores/auth'
import { LIST_TTL_MS, useWishlistStore } from '~/stores/wishlist/wishlist'
import type { DemoApi } from '../../support/demoApi'
import { settle } from '../../support/promises'
import { showSavedWishlist, useSignedInDemo } from './support'

// A product the shop deletes while it is in the wishlist (the demo backend drops its entries, as Django's CASCADE
// does: tests/contract/productGone.test.ts). The shopper is told once, by the name this browser showed; a product
// that left for any other reason (removed here or in another tab) is not called "no longer available", and neither
// is one the catalog could not answer for.
let demo: DemoApi
let heard: string[] = []
let shopper: User

const signedIn = useSignedInDemo()
beforeEach(() => {
  ({ demo, heard, shopper } = signedIn)
})

const sentence = (...titles: string[]) => (titles.length === 1
  ? `${titles[0]} is no longer available and was removed from your wishlist.`
  : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)} are no longer available and were removed from your wishlist.`)
const noLonger = () => heard.filter(text => text.includes('no longer available'))

/** The shopper's wishlist holding `count` products (newest last), this tab's wishlist started, and /wishlist shown. */
async function wishlistShown(count: number) {
  const products = demo.backend.db.products.slice(0, count)
  const { page, runtime } = await showSavedWishlist(signedIn, products)
  const store = useWishlistStore()
  await vi.waitFor(() => expect(store.count).toBe(count))
  return { runtime, page, store, products }
}

async function deleteProduct(id: number): Promise<void> {
  expect((await demo.call(`/__products/${id}/`, { method: 'DELETE' })).status).toBe(204)
}

/** Another tab of this browser: its own app and stores, the same shopper, backend and storage. */
function otherTab() {
  const pinia = createPinia()
  useAuthStore(pinia).$patch({ user: shopper, status: 'signed_in' })
  return useWishlistStore(pinia)
}

describe('a wishlisted product the shop stopped selling', () => {
  it('is said once, in one sentence naming those that went, and shown on /wishlist until dismissed', async () => {
    const { page, store, products: [first, second, kept] } = await wishlistShown(3)
    await deleteProduct(first!.id)
    await deleteProduct(second!.id)
    // What a navigation does once the ids are older than five minutes.
    await store.loadIds({ force: true })
    await vi.waitFor(() => expect(page.text()).toContain(sentence(first!.title, second!.title)))
    expect(noLonger()).toEqual([sentence(first!.title, second!.title)])
    const rows = page.get('ul[aria-label="Saved products"]').text()
    expect(rows).toContain(kept!.title)
    expect(rows).not.toContain(first!.title)

    await page.get('button[aria-label="Dismiss: no longer available"]').trigger('click')
    await nextTick()
    expect(page.text()).not.toContain('no longer available')
    expect(document.activeElement?.id).toBe('wishlist-title')
    // Told once: the next read says nothing more.
    await store.loadIds({ force: true })
    await settle()
    expect(noLonger()).toHaveLength(1)
  })

  it('is said when the /wishlist list, read whole, lacks it', async () => {
    const { page, store, products: [gone] } = await wishlistShown(2)
    await deleteProduct(gone!.id)
    // The page shown again a minute later: the list is read again, the ids (fresh for five minutes) are not.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + LIST_TTL_MS + 1)
    demo.backend.stats.reset()
    await store.fetchFirst()
    const { routes } = demo.backend.stats.snapshot()
    expect([routes['GET /wishlist/'], routes['GET /wishlist/ids/']]).toEqual([1, undefined])
    await vi.waitFor(() => expect(noLonger()).toEqual([sentence(gone!.title)]))
    await vi.waitFor(() => expect(page.text()).toContain(sentence(gone!.title)))
  })

  it('is not said of a product removed here, even one the shop deleted too', async () => {
    const { runtime, store, products: [removed, moved, gone] } = await wishlistShown(3)
    expect(await runtime.set(removed!, false)).toBe(true)
    expect(await runtime.set(moved!, false, { quiet: true })).toBe(true)
    for (const product of [removed!, moved!, gone!]) await deleteProduct(product.id)
    await store.loadIds({ force: true })
    await vi.waitFor(() => expect(store.gone.map(entry => entry.title)).toEqual([gone!.title]))
    await settle()
    expect(noLonger()).toEqual([sentence(gone!.title)])
  })

  it('is not said of a product removed in another tab', async () => {
    const { store, products: [removed, gone] } = await wishlistShown(2)
    const other = otherTab()
    await other.setSaved(removed!.id, false)
    for (const product of [removed!, gone!]) await deleteProduct(product.id)
    // This tab heard nothing of it (no BroadcastChannel): its next read lacks both.
    await store.loadIds({ force: true })
    await vi.waitFor(() => expect(store.gone.map(entry => entry.title)).toEqual([gone!.title]))
    await settle()
    expect(noLonger()).toEqual([sentence(gone!.title)])
  })

  it('is not said when the catalog could not answer, and is not looked up again', async () => {
    const { store, products: [gone] } = await wishlistShown(2)
    await deleteProduct(gone!.id)
    demo.backend.faults.add({ path_pattern: `/products/${gone!.id}/`, method: 'GET', status: 503, count: 1 })
    demo.backend.stats.reset()
    await store.loadIds({ force: true })
    await vi.waitFor(() => expect(demo.backend.stats.snapshot().routes['GET /products/{id}/'] ?? 0).toBe(1))
    await settle()
    await store.loadIds({ force: true })
    await settle()
    expect(store.gone).toEqual([])
    expect(noLonger()).toEqual([])
    expect(demo.backend.stats.snapshot().routes['GET /products/{id}/']).toBe(1)
  })

  it('leaves nothing of the wishlist in this browser after sign-out', async () => {
    const { store, products: [gone, kept] } = await wishlistShown(2)
    const kept_ = () => Object.keys(localStorage).map(key => localStorage.getItem(key) ?? '').join('\n')
    expect(kept_()).toContain(kept!.title)
    useAuthStore().$patch({ user: null, status: 'signed_out' })
    await nextTick()
    expect(kept_()).not.toContain(kept!.title)
    expect(kept_()).not.toContain(gone!.title)
    // Signed in again: nothing shown since, so nothing to say of a product deleted meanwhile.
    await deleteProduct(gone!.id)
    useAuthStore().$patch({ user: shopper, status: 'signed_in' })
    await vi.waitFor(() => expect(store.count).toBe(1))
    await settle()
    expect(noLonger()).toEqual([])
  })
})
