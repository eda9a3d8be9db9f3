import type { VueWrapper } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '~/composables/core/api/types'
import type { ProductRecord } from '../../mocks/db/types'
import { interceptApi, type DemoApi } from '../../support/demoApi'
import { apiError } from '../../support/fakeApi'
import { settle } from '../../support/promises'
import { showSavedWishlist, showWishlistPage, useSignedInDemo } from './support'

// "Move to cart" whose answer was lost while the cart could not be read either (the demo backend behind the real
// api core; the lost answer and the failed reads are made between them): the product may be in the cart, so the
// row offers the cart and no second "Move to cart" until a read of the cart shows whether it is there. In it, the
// move is done; not in it, "Move to cart" is back. The wishlist keeps the product until then.
const UNCONFIRMED = 'We could not confirm it was added. Check your cart before adding it again.'

let demo: DemoApi
let heard: string[] = []
/** The next addition's answer is lost: `landed` says whether the backend made it first. */
let lose: { landed: boolean } | null = null
let readsFail = false
/** Reads of the cart the storefront asked for (failed ones too). */
let cartReads = 0

/** The api core as the storefront sees it: the demo backend, with a lost answer or a failing read when the test says. */
function lossy(api: ApiClient): ApiClient {
  return interceptApi(api, {
    get<T>(path: string, query?: Parameters<ApiClient['get']>[1], options?: Parameters<ApiClient['get']>[2]): Promise<T> {
      if (path === '/cart/') cartReads++
      return readsFail && path === '/cart/' ? Promise.reject(apiError(503, 'Service temporarily unavailable.')) : api.get<T>(path, query, options)
    },
    async post<T>(path: string, body?: unknown, options?: Parameters<ApiClient['post']>[2]): Promise<T> {
      const loss = path === '/cart/items/' ? lose : null
      if (!loss) return api.post<T>(path, body, options)
      lose = null
      if (loss.landed) await api.post(path, body, options)
      throw apiError(0, 'We could not reach the store.')
    },
  })
}

const signedIn = useSignedInDemo(lossy)
beforeEach(() => {
  ({ demo, heard } = signedIn)
  lose = null
  readsFail = false
  cartReads = 0
})

const plainProduct = () => demo.backend.db.products.find(p => p.variants === null && p.stock >= 2)!
const variedProduct = () => demo.backend.db.products.find(p => (p.variants?.filter(v => v.stock > 0).length ?? 0) > 1)!

/** The shopper's wishlist holding `products`, and /wishlist shown. */
async function wishlistShown(...products: ProductRecord[]): Promise<VueWrapper> {
  return (await showSavedWishlist(signedIn, products)).page
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
    // Said once the backend has removed it from the wishlist, after the row left the screen.
    await vi.waitFor(() => expect(heard.at(-1)).toBe(`Moved ${product.title} to your cart.`))
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
    // What was said about the move, in order (the page's own title is announced as the page opens, late on a busy machine).
    await vi.waitFor(() => expect(heard.filter(text => !text.endsWith(' · Storefront'))).toEqual([UNCONFIRMED, `Moved ${product.title} to your cart.`]))
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
    const again = await showWishlistPage(1)
    await settle()
    expect(moveButton(again, product).exists()).toBe(false)
    expect(cartLink(again, product)).toBeDefined()

    readsFail = false
    backOnTab()
    await vi.waitFor(() => expect(again.find(`[data-wishlist-product="${product.id}"]`).exists()).toBe(false))
    expect(await backendCart()).toEqual([expect.objectContaining({ product_id: product.id, variant_id: chosen.id, quantity: 1 })])
  })
})
