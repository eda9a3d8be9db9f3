import type { VueWrapper } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '~/composables/core/api/types'
import type { ProductRecord } from '../../mocks/db/types'
import { interceptApi, type DemoApi } from '../../support/demoApi'
import { apiError } from '../../support/fakeApi'
import { settle } from '../../support/promises'
import { showSavedWishlist, showWishlistPage, useSignedInDemo } from './support'

// "Undo" after "Remove" on /wishlist (the demo backend behind the real api core): the row gives way, in place, to a
// line saying what went, with Undo focused; Undo adds the product again at the backend and the row is back where it
// was, focused on its link. A refused Undo says so and names the product, which stays removed.

let demo: DemoApi
let heard: string[] = []
/** Additions to the wishlist are refused with a 503 while set. */
let addsFail = false

/** The api core as the storefront sees it: the demo backend, refusing additions to the wishlist when the test says. */
function refusing(api: ApiClient): ApiClient {
  return interceptApi(api, {
    post<T>(path: string, body?: unknown, options?: Parameters<ApiClient['post']>[2]): Promise<T> {
      if (addsFail && path === '/wishlist/') return Promise.reject(apiError(503, 'Service temporarily unavailable.'))
      return api.post<T>(path, body, options)
    },
  })
}

const signedIn = useSignedInDemo(refusing)
beforeEach(() => {
  ({ demo, heard } = signedIn)
  addsFail = false
})

const products = () => demo.backend.db.products.filter(p => p.stock >= 1).slice(0, 3)

/** The shopper's wishlist holding `saved` (the last one newest), and /wishlist shown. */
async function wishlistShown(saved: ProductRecord[]): Promise<VueWrapper> {
  return (await showSavedWishlist(signedIn, saved)).page
}

/** The list's items in order: a product's heading, or the text of the line that stands for a removed one. */
function items(page: VueWrapper): string[] {
  return page.findAll('ul[aria-label="Saved products"] > li').map(li => li.find('h2').exists() ? li.get('h2').text() : li.text())
}
const removeButton = (page: VueWrapper, product: ProductRecord) => page.get(`button[aria-label="Remove ${product.title} from wishlist"]`)
const undoButton = (page: VueWrapper, product: ProductRecord) => page.find(`button[aria-label="Undo: put ${product.title} back in your wishlist"]`)
const productLink = (page: VueWrapper, product: ProductRecord) => page.findAll('ul[aria-label="Saved products"] h2 a').find(a => a.text() === product.title)

async function backendWishlist(): Promise<number[]> {
  return ((await demo.call('/wishlist/?page_size=100')).body as { results: Array<{ product: { id: number } }> }).results.map(entry => entry.product.id)
}

/** Presses a row's Remove as a keyboard user does (the focus on it), and waits for the line that offers Undo. */
async function removeByKeyboard(page: VueWrapper, product: ProductRecord): Promise<void> {
  const button = removeButton(page, product)
  ;(button.element as HTMLElement).focus()
  await button.trigger('click')
  await vi.waitFor(() => expect(undoButton(page, product).exists()).toBe(true))
}

describe('Undo after Remove on /wishlist', () => {
  it('replaces the row in place with a line and a focused Undo, which puts the product back there, focused on its link', async () => {
    const [a, b, c] = products() as [ProductRecord, ProductRecord, ProductRecord]
    const page = await wishlistShown([a, b, c])
    expect(items(page)).toEqual([c.title, b.title, a.title])

    await removeByKeyboard(page, b)
    expect(items(page)).toEqual([c.title, expect.stringContaining(`Removed ${b.title}.`), a.title])
    await vi.waitFor(() => expect(document.activeElement).toBe(undoButton(page, b).element))
    await vi.waitFor(() => expect(heard).toContain(`Removed ${b.title} from your wishlist.`))
    expect(await backendWishlist()).toEqual([c.id, a.id])

    await undoButton(page, b).trigger('click')
    await vi.waitFor(() => expect(items(page)).toEqual([c.title, b.title, a.title]))
    await vi.waitFor(() => expect(document.activeElement).toBe(productLink(page, b)!.element))
    await vi.waitFor(() => expect(heard.at(-1)).toBe(`${b.title} is back in your wishlist.`))
    // At the backend it is back (its newest entry); on screen it stays where the shopper had it.
    expect(await backendWishlist()).toEqual([b.id, c.id, a.id])
    await settle()
    expect(items(page)).toEqual([c.title, b.title, a.title])
    expect(undoButton(page, b).exists()).toBe(false)
  })

  it('says a refused Undo, naming the product, which stays removed; Undo stays on offer and works once the backend takes it', async () => {
    const [a, b, c] = products() as [ProductRecord, ProductRecord, ProductRecord]
    const page = await wishlistShown([a, b, c])
    await removeByKeyboard(page, b)
    await vi.waitFor(async () => expect(await backendWishlist()).toEqual([c.id, a.id]))

    addsFail = true
    await undoButton(page, b).trigger('click')
    const refusal = `${b.title} could not be put back in your wishlist. Service temporarily unavailable.`
    await vi.waitFor(() => expect(items(page)[1]).toContain(refusal))
    await settle()
    expect(items(page)).toEqual([c.title, expect.stringContaining(refusal), a.title])
    expect(heard.at(-1)).toBe(refusal)
    expect(heard.filter(text => text.includes('is back in your wishlist'))).toEqual([])
    expect(document.activeElement).toBe(undoButton(page, b).element)
    expect(await backendWishlist()).toEqual([c.id, a.id])

    addsFail = false
    await undoButton(page, b).trigger('click')
    await vi.waitFor(() => expect(items(page)).toEqual([c.title, b.title, a.title]))
    expect(await backendWishlist()).toEqual([b.id, c.id, a.id])
  })

  it('offers Undo for the last removal only, and not after the shopper left the page', async () => {
    const [a, b, c] = products() as [ProductRecord, ProductRecord, ProductRecord]
    const page = await wishlistShown([a, b, c])
    await removeByKeyboard(page, b)
    await removeByKeyboard(page, a)
    expect(items(page)).toEqual([c.title, expect.stringContaining(`Removed ${a.title}.`)])
    expect(undoButton(page, b).exists()).toBe(false)
    await vi.waitFor(() => expect(document.activeElement).toBe(undoButton(page, a).element))
    await vi.waitFor(async () => expect(await backendWishlist()).toEqual([c.id]))

    page.unmount()
    const again = await showWishlistPage(1)
    expect(items(again)).toEqual([c.title])
    expect(again.find('button[aria-label^="Undo"]').exists()).toBe(false)
  })
})
