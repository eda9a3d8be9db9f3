import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '~/composables/core/api/types'
import { startWishlist } from '~/composables/wishlist/wishlistRuntime'
import WishlistPage from '~/pages/wishlist.vue'
import type { User } from '~/services/domain/user'
import { useAuthStore } from '~/stores/auth'
import type { ProductRecord } from '../../mocks/db/types'
import { createDemoApi, type DemoApi } from '../../support/demoApi'
import { apiError } from '../../support/fakeApi'
import { installApi, installApiSession } from '../../support/installedApi'
import { mountComposable, mountInNuxt } from '../../support/nuxt'
import { settle } from '../../support/promises'
import { freshStores } from '../../support/stores'
import { hearAnnouncements } from '../../support/announcements'

// "Move to cart" whose answer was lost while the cart could not be read either (the demo backend behind the real
// api core; the lost answer and the failed reads are made between them): the product may be in the cart, so the
// row offers the cart and no second "Move to cart" until a read of the cart shows whether it is there. In it, the
// move is done; not in it, "Move to cart" is back. The wishlist keeps the product until then.
const UNCONFIRMED = 'We could not confirm it was added. Check your cart before adding it again.'

let demo: DemoApi
let heard: string[] = []
let shopper: User
/** The next addition's answer is lost: `landed` says whether the backend made it first. */
let lose: { landed: boolean } | null = null
let readsFail = false
/** Reads of the cart the storefront asked for (failed ones too). */
let cartReads = 0

/** The api core as the storefront sees it: the demo backend, with a lost answer or a failing read when the test says. */
function lossy(api: ApiClient): ApiClient {
  return {
    request: (path, options) => api.request(path, options),
    get(path, query, options) {
      if (path === '/cart/') cartReads++
      return readsFail && path === '/cart/' ? Promise.reject(apiError(503, 'Service temporarily unavailable.')) : api.get(path, query, options)
    },
    async post<T>(path: string, body?: unknown, options?: Parameters<ApiClient['post']>[2]): Promise<T> {
      const loss = path === '/cart/items/' ? lose : null
      if (!loss) return api.post<T>(path, body, options)
      lose = null
      if (loss.landed) await api.post(path, body, options)
      throw apiError(0, 'We could not reach the store.')
    },
    patch: (path, body, options) => api.patch(path, body, options),
    delete: (path, options) => api.delete(path, options),
  }
}

beforeEach(async () => {
  demo = createDemoApi()
  installApi(lossy(demo.api))
  installApiSession({ getAccessToken: () => 'held', setAccessToken: () => {}, signOut: () => {} })
  vi.stubGlobal('BroadcastChannel', undefined)
  freshStores()
  localStorage.clear()
  lose = null
  readsFail = false
  cartReads = 0
  heard = hearAnnouncements()
  shopper = await demo.signIn()
})
afterEach(() => {
  document.body.replaceChildren()
  installApi(null)
  installApiSession(null)
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const plainProduct = () => demo.backend.db.products.find(p => p.variants === null && p.stock >= 2)!
const variedProduct = () => demo.backend.db.products.find(p => (p.variants?.filter(v => v.stock > 0).length ?? 0) > 1)!

/** The shopper's wishlist holding `products`, and /wishlist shown. */
async function wishlistShown(...products: ProductRecord[]): Promise<VueWrapper> {
  for (const product of products) expect((await demo.call('/wishlist/', { method: 'POST', body: { product_id: product.id } })).status).toBe(201)
  useAuthStore().$patch({ user: shopper, status: 'signed_in' })
  await mountComposable(() => startWishlist())
  return showPage(products.length)
}

async function showPage(rows: number): Promise<VueWrapper> {
  const page = await mountInNuxt(WishlistPage, { attachTo: document.body, route: '/wishlist' })
  await vi.waitFor(() => expect(page.findAll('ul[aria-label="Saved products"] > li')).toHaveLength(rows))
  return page
}

function rowOf(page: VueWrapper, product: ProductRecord) {
  return page.get(`[data-wishlist-product="${product.id}"]`)
}
const moveButton = (page: VueWrapper, product: ProductRecord) => rowOf(page, product).find(`button[aria-label="Move to cart: ${product.title}"]`)
const cartLink = (page: VueWrapper, product: ProductRecord) => rowOf(page, product).findAll('a').find(a => a.text() === 'View your cart')

async function backendCart(): Promise<Array<{ product_id: number, variant_id: number | null, quantity: number }>> {
  return ((await demo.call('/cart/')).body as { items: Array<{ product_id: number, variant_id: number | null, quantity: number }> }).items
}
async function backendWishlist(): Promise<number[]> {
  return ((await demo.call('/wishlist/?page_size=100')).body as { results: Array<{ product: { id: number } }> }).results.map(entry => entry.product.id)
}

/** The shopper comes back to the tab: the cart store reads a cart whose read failed again (`catchUp`). */
function backOnTab(): void {
  window.dispatchEvent(new Event('focus'))
}

/** The row after a lost answer: the cart offered, focused, said once; no second "Move to cart"; still in the wishlist. */
async function expectUnconfirmed(page: VueWrapper, product: ProductRecord): Promise<void> {
  await vi.waitFor(() => expect(rowOf(page, product).text()).toContain(`We could not confirm ${product.title} reached your cart.`))
  const link = cartLink(page, product)!
  expect(link.attributes('href')).toBe('/cart')
  expect(link.element.tagName).toBe('A')
  await vi.waitFor(() => expect(document.activeElement).toBe(link.element))
  expect(moveButton(page, product).exists()).toBe(false)
  expect(rowOf(page, product).find('[role="alert"]').exists()).toBe(false)
  expect(heard.filter(text => text.includes('could not confirm'))).toEqual([UNCONFIRMED])
  expect(await backendWishlist()).toContain(product.id)
}

describe('"Move to cart" whose answer was lost and whose cart could not be read', () => {
  it('offers the cart instead of a second "Move to cart", and lets the product go once a read shows it in the cart', async () => {
    const product = plainProduct()
    const page = await wishlistShown(product)
    lose = { landed: true }
    readsFail = true
    await moveButton(page, product).trigger('click')
    await expectUnconfirmed(page, product)

    // Back on the tab, the read fails again: still not known, still no "Move to cart".
    const reads = cartReads
    backOnTab()
    await vi.waitFor(() => expect(cartReads).toBe(reads + 1))
    await settle()
    expect(moveButton(page, product).exists()).toBe(false)
    expect(cartLink(page, product)).toBeDefined()

    // The next read answers: the product is in the cart, so the move is done.
    readsFail = false
    backOnTab()
    await vi.waitFor(() => expect(page.find(`[data-wishlist-product="${product.id}"]`).exists()).toBe(false))
    expect(heard.at(-1)).toBe(`Moved ${product.title} to your cart.`)
    await vi.waitFor(async () => expect(await backendWishlist()).not.toContain(product.id))
    expect(await backendCart()).toEqual([expect.objectContaining({ product_id: product.id, quantity: 1 })])
  })

  it('offers "Move to cart" again, focused, once a read shows the product is not in the cart', async () => {
    const product = plainProduct()
    const page = await wishlistShown(product)
    lose = { landed: false }
    readsFail = true
    await moveButton(page, product).trigger('click')
    await expectUnconfirmed(page, product)

    readsFail = false
    backOnTab()
    await vi.waitFor(() => expect(moveButton(page, product).exists()).toBe(true))
    expect(cartLink(page, product)).toBeUndefined()
    expect(heard.at(-1)).toBe(`${product.title} is not in your cart. You can move it again.`)
    await vi.waitFor(() => expect(document.activeElement).toBe(moveButton(page, product).element))
    expect(await backendWishlist()).toContain(product.id)

    // Moved again: one unit in the cart, and the product leaves the wishlist.
    await moveButton(page, product).trigger('click')
    await vi.waitFor(() => expect(page.find(`[data-wishlist-product="${product.id}"]`).exists()).toBe(false))
    expect(await backendCart()).toEqual([expect.objectContaining({ product_id: product.id, quantity: 1 })])
  })

  it('counts as moved at once when the lost answer\'s own read of a cart this page had not read shows the product', async () => {
    const product = plainProduct()
    const page = await wishlistShown(product)
    // Nothing read the cart before (no header here): how many it held is not known, so the store cannot say "added".
    lose = { landed: true }
    await moveButton(page, product).trigger('click')
    await vi.waitFor(() => expect(page.find(`[data-wishlist-product="${product.id}"]`).exists()).toBe(false))
    expect(heard).toEqual([UNCONFIRMED, `Moved ${product.title} to your cart.`])
    await vi.waitFor(async () => expect(await backendWishlist()).not.toContain(product.id))
    expect(await backendCart()).toEqual([expect.objectContaining({ product_id: product.id, quantity: 1 })])
  })

  it('with a variant chosen: still unconfirmed after the shopper leaves for the cart and comes back, settled by the chosen variant', async () => {
    const product = variedProduct()
    const page = await wishlistShown(product)
    await moveButton(page, product).trigger('click')
    const options = await vi.waitFor(() => rowOf(page, product).get('[role="group"]'))
    const chosen = product.variants!.find(v => v.stock > 0)!
    for (const [name, value] of Object.entries(chosen.options)) {
      const radio = options.findAll('fieldset').find(set => set.get('legend').text().toLowerCase().startsWith(name.toLowerCase()))!
        .findAll('input[type="radio"]').find(input => (input.element as HTMLInputElement).value === value)!
      await radio.setValue(true)
    }
    lose = { landed: true }
    readsFail = true
    await options.findAll('button').find(b => b.text() === 'Add to cart')!.trigger('click')
    await expectUnconfirmed(page, product)
    expect(rowOf(page, product).find('[role="group"]').exists()).toBe(false)

    // "View your cart" and back while the cart still cannot be read: the row is as it was, no "Move to cart".
    page.unmount()
    const again = await showPage(1)
    await settle()
    expect(moveButton(again, product).exists()).toBe(false)
    expect(cartLink(again, product)).toBeDefined()

    readsFail = false
    backOnTab()
    await vi.waitFor(() => expect(again.find(`[data-wishlist-product="${product.id}"]`).exists()).toBe(false))
    expect(await backendCart()).toEqual([expect.objectContaining({ product_id: product.id, variant_id: chosen.id, quantity: 1 })])
  })
})
