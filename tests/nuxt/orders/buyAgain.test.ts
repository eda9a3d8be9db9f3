import { http, HttpResponse } from 'msw'
import { $fetch, createFetch } from 'ofetch'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { VueWrapper } from '@vue/test-utils'
import OrderBuyAgain from '~/components/order/OrderBuyAgain.vue'
import { createApiClient } from '~/composables/core/api/createApiClient'
import { createSession } from '~/composables/core/api/session'
import { currentAnnouncement } from '~/composables/ui/useAnnouncer'
import type { Order, OrderLine } from '~/services/domain/order'
import { useAuthStore } from '~/stores/auth'
import { useCartStore } from '~/stores/cart/cart'
import { installApi, installApiSession } from '../../support/installedApi'
import { mountInNuxt } from '../../support/nuxt'
import { freshStores } from '../../support/stores'
import { createDemoMswServer } from '../../mocks/testing/mswServer'
import { DEMO_USER_EMAIL, DEMO_USER_PASSWORD } from '../../mocks/seed/constants'
import type { ProductRecord } from '../../mocks/db/types'

// "Buy again" on an order's page against the demo backend (msw/node): the order's lines go into the signed-in
// shopper's cart through the cart's own add, and the shopper is told, line by line, what became of them.
const demo = createDemoMswServer({ seedProducts: 60 })
const items = `${demo.baseUrl}/cart/items/`
const GONE_ID = 9999

// happy-dom's fetch drops a Headers object from another realm (ofetch's): the headers go as a plain object.
const demoFetch = createFetch({
  fetch: (input, init) => globalThis.fetch(input, { ...init, headers: Object.fromEntries(new Headers(init?.headers).entries()) }),
})

beforeAll(() => demo.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => demo.server.close())

beforeEach(async () => {
  demo.backend.reset()
  freshStores()
  document.getElementById('app-announcer')?.replaceChildren()
  // The shop's transport as the app builds it, pointed at the demo, with the demo user's session; no retries, so a
  // failure a test sets up is the answer the cart sees.
  const { access } = await $fetch<{ access: string }>(`${demo.baseUrl}/auth/token/`, { method: 'POST', body: { email: DEMO_USER_EMAIL, password: DEMO_USER_PASSWORD } })
  const session = createSession({ refreshAccessToken: async () => access, locks: null })
  session.setAccessToken(access)
  installApi(createApiClient({ fetch: demoFetch, baseURL: demo.baseUrl, session, retry: { maxRetries: 0 }, breaker: false }))
  installApiSession(session)
  useAuthStore().user = { id: 1, email: DEMO_USER_EMAIL, firstName: 'Demo', lastName: 'Shopper', displayName: 'Demo Shopper', memberSince: '2025-01-01T00:00:00Z' }
})

afterEach(() => {
  demo.server.resetHandlers()
  installApi(null)
  installApiSession(null)
})

/** Products without variants, in stock, from the seed. */
function products(count: number): ProductRecord[] {
  const found = demo.backend.db.products.filter(p => !p.variants && p.stock >= 20).slice(0, count)
  expect(found).toHaveLength(count)
  return found
}

const money = (amount: number) => ({ amount, currency: 'USD' })
const lineOf = (product: { id: number, title: string }, quantity: number): OrderLine => ({
  productId: product.id, variantId: null, title: product.title, sku: `SKU-${product.id}`, quantity, unitPrice: money(500), lineTotal: money(500 * quantity),
})
function orderOf(lines: OrderLine[]): Order {
  return {
    id: 7, number: 'DEMO-100007', status: 'paid', lines, itemCount: lines.reduce((sum, l) => sum + l.quantity, 0), subtotal: money(0), shippingTotal: money(0),
    total: money(0), currency: 'USD', shippingMethod: { id: 1, name: 'Standard', price: money(499) }, createdAt: '2026-03-01T10:00:00Z',
    address: { fullName: 'Ada', line1: '1 Way', line2: '', city: 'London', postalCode: 'N1', country: 'GB', phone: '' },
  } as Order
}

/** What the backend's cart holds: product id -> quantity. */
function backendCart(): Record<number, number> {
  const cart = [...demo.backend.db.carts.values()].find(c => c.userId !== null)
  return Object.fromEntries((cart?.lines ?? []).map(l => [l.productId, l.quantity]))
}

function countPosts(): { count: () => number } {
  let count = 0
  demo.server.use(http.post(items, () => {
    count++
  }))
  return { count: () => count }
}

/** The next POST to the cart's items waits at the backend until release(): the run's busy state is seen for certain. */
function holdNextPost(): { release: () => void } {
  let release!: () => void
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  let held = false
  demo.server.use(http.post(items, async () => {
    if (held) return
    held = true
    await gate
  }))
  return { release }
}

function named(wrapper: VueWrapper, selector: string, name: string): HTMLElement | undefined {
  return [...(wrapper.element as HTMLElement).querySelectorAll<HTMLElement>(selector)].find(el => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() === name)
}
const button = (wrapper: VueWrapper, name: string) => named(wrapper, 'button', name)
const link = (wrapper: VueWrapper, name: string) => named(wrapper, 'a', name)
/** The items listed under a heading of the outcome. */
const listNamed = (wrapper: VueWrapper, heading: string) => {
  let next = named(wrapper, 'h3', heading)?.nextElementSibling
  while (next && next.tagName !== 'UL') next = next.nextElementSibling
  return [...next?.querySelectorAll('li') ?? []].map(li => li.textContent?.trim())
}

async function mountFor(order: Order): Promise<VueWrapper> {
  const wrapper = await mountInNuxt(OrderBuyAgain, { props: { order }, attachTo: document.body })
  // Vue ignores an event stamped in the millisecond its listener was attached (runtime-dom's guard against events
  // that caused the render): a press must come later, as a shopper's always does.
  const mounted = Date.now()
  await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(mounted))
  return wrapper
}

/** Presses "Buy again" and waits until the outcome is told and the button is back. */
async function pressBuyAgain(wrapper: VueWrapper): Promise<void> {
  button(wrapper, 'Buy again')!.click()
  await vi.waitFor(() => {
    expect(currentAnnouncement()).not.toBe('')
    expect(button(wrapper, 'Buy again')).toBeDefined()
    // The outcome's own view loads with the run's code.
    expect(link(wrapper, 'View your cart')).toBeDefined()
  }, { timeout: 10_000 })
}

// Each test sends a handful of requests through the demo, ~100 ms apart on a busy machine.
describe('buy again', { timeout: 20_000 }, () => {
  it('adds every line at its ordered quantity, on top of what the cart holds, once for a double click', async () => {
    const [a, b, c] = products(3)
    // Already in the cart: the ordered quantity is added to it, as the backend adds up.
    demo.backend.db.products[b!.id - 1]!.stock = 50
    const posts = countPosts()
    const wrapper = await mountFor(orderOf([lineOf(a!, 2), lineOf(b!, 1), lineOf(c!, 3)]))
    const store = useCartStore()
    await store.add({ productId: b!.id, variantId: null, quantity: 4 })
    const firstLine = holdNextPost()

    const press = button(wrapper, 'Buy again')!
    press.focus()
    press.click()
    press.click()
    await vi.waitFor(() => expect(button(wrapper, 'Adding to your cart…')?.getAttribute('aria-disabled')).toBe('true'))
    button(wrapper, 'Adding to your cart…')!.click()
    firstLine.release()
    await vi.waitFor(() => expect(link(wrapper, 'View your cart')).toBeDefined(), { timeout: 10_000 })
    await vi.waitFor(() => expect(currentAnnouncement()).not.toBe(''))

    expect(backendCart()).toEqual({ [a!.id]: 2, [b!.id]: 5, [c!.id]: 3 })
    expect(posts.count()).toBe(1 + 3)
    expect(currentAnnouncement()).toBe('Added all 3 items of this order to your cart. Your cart has 10 items.')
    // The header's count reads the store.
    expect(store.itemCount).toBe(10)
    await vi.waitFor(() => expect(document.activeElement).toBe(link(wrapper, 'View your cart')))
    expect(link(wrapper, 'View your cart')!.getAttribute('href')).toBe('/cart')
    expect(button(wrapper, 'Buy again')!.hasAttribute('aria-disabled')).toBe(false)
    // The cart's own "added" notice is not raised for each line: the outcome is said once, here.
    expect(store.lastAddition?.request.productId).toBe(b!.id)
  })

  it('says which items could not be added and why: no longer sold, out of stock', async () => {
    const [a, b] = products(2)
    demo.backend.db.products[b!.id - 1]!.stock = 0
    const wrapper = await mountFor(orderOf([lineOf({ id: GONE_ID, title: 'Old Lamp' }, 1), lineOf(a!, 1), lineOf(b!, 2)]))
    await pressBuyAgain(wrapper)

    expect(backendCart()).toEqual({ [a!.id]: 1 })
    expect(currentAnnouncement()).toBe(`Added 1 of 3 items to your cart. Could not add Old Lamp (no longer sold), ${b!.title} (out of stock). Your cart has 1 item.`)
    expect(listNamed(wrapper, 'Could not be added')).toEqual(['Old Lamp: no longer sold', `${b!.title}: out of stock`])
    expect(button(wrapper, 'Try the rest')).toBeUndefined()
  })

  it('adds what the stock and the cart\'s line maximum allow, and says so', async () => {
    const [a, b] = products(2)
    demo.backend.db.products[a!.id - 1]!.stock = 2
    demo.backend.db.products[b!.id - 1]!.stock = 200
    const wrapper = await mountFor(orderOf([lineOf(a!, 3), lineOf(b!, 10)]))
    await useCartStore().add({ productId: b!.id, variantId: null, quantity: 95 })
    await pressBuyAgain(wrapper)

    expect(backendCart()).toEqual({ [a!.id]: 2, [b!.id]: 99 })
    expect(currentAnnouncement()).toBe(`Added 2 of 2 items to your cart. ${a!.title}: added 2 of 3: not enough in stock for more. ${b!.title}: added 4 of 10: a cart holds at most 99 of one item. Your cart has 101 items.`)
  })

  it('stops at a failure on line 3 of 5, says what was added, and tries the rest without adding any line twice', async () => {
    const lines = products(5).map(p => lineOf(p, 2))
    let posts = 0
    demo.server.use(http.post(items, () => {
      if (++posts === 3) return HttpResponse.json({ detail: 'Service temporarily unavailable, try again later.' }, { status: 503 })
    }))
    const wrapper = await mountFor(orderOf(lines))
    await pressBuyAgain(wrapper)

    const [one, two, three, four, five] = lines.map(l => l.productId)
    expect(backendCart()).toEqual({ [one!]: 2, [two!]: 2 })
    expect(currentAnnouncement()).toContain('Added 2 of 5 items to your cart.')
    expect(currentAnnouncement()).toContain(`Not added yet: ${lines.slice(2).map(l => l.title).join(', ')}. You can try the rest; nothing is added twice.`)
    expect(listNamed(wrapper, 'Not added yet')).toEqual(lines.slice(2).map(l => l.title))
    const retry = button(wrapper, 'Try the rest')!
    await vi.waitFor(() => expect(document.activeElement).toBe(retry))

    retry.click()
    await nextTick()
    expect(button(wrapper, 'Trying again…')?.getAttribute('aria-disabled')).toBe('true')
    await vi.waitFor(() => expect(currentAnnouncement()).toBe('Added all 5 items of this order to your cart. Your cart has 10 items.'), { timeout: 10_000 })
    expect(button(wrapper, 'Try the rest')).toBeUndefined()
    expect(backendCart()).toEqual({ [one!]: 2, [two!]: 2, [three!]: 2, [four!]: 2, [five!]: 2 })
    expect(posts).toBe(6)
    await vi.waitFor(() => expect(document.activeElement).toBe(link(wrapper, 'View your cart')))
  })

  it('counts a line whose answer was lost but which landed as added when trying the rest', async () => {
    const lines = products(3).map(p => lineOf(p, 1))
    let posts = 0
    let cartReadable = true
    // The second line lands at the backend, its answer is lost, and the shop stops answering reads meanwhile.
    demo.server.use(
      http.post(items, async ({ request }) => {
        if (++posts !== 2) return
        await demo.backend.handle(request)
        cartReadable = false
        return HttpResponse.error()
      }),
      http.get(`${demo.baseUrl}/cart/`, () => (cartReadable ? undefined : HttpResponse.error())),
    )
    const wrapper = await mountFor(orderOf(lines))
    await pressBuyAgain(wrapper)
    expect(button(wrapper, 'Try the rest')).toBeDefined()
    expect(listNamed(wrapper, 'Could not confirm')).toEqual([lines[1]!.title])
    expect(listNamed(wrapper, 'Not added yet')).toEqual([lines[2]!.title])
    // Why the run stopped (the lost answer), and the line that may be in the cart: "Try the rest" checks it first.
    expect(currentAnnouncement()).toBe(`Added 1 of 3 items to your cart. Could not reach the shop. Check your connection and try again. We could not confirm ${lines[1]!.title} was added: check your cart before adding it again. Not added yet: ${lines[2]!.title}. You can try the rest; nothing is added twice. Your cart has 1 item.`)

    cartReadable = true
    button(wrapper, 'Try the rest')!.click()
    await vi.waitFor(() => expect(currentAnnouncement()).toBe('Added all 3 items of this order to your cart. Your cart has 3 items.'), { timeout: 10_000 })
    expect(backendCart()).toEqual(Object.fromEntries(lines.map(l => [l.productId, 1])))
    // The second line landed with its lost answer: only the third was sent again.
    expect(posts).toBe(3)
  })
  it('lists a line whose answer was lost and could not be checked as not confirmed, not as not added, and tries it again only after reading the cart', async () => {
    const lines = products(3).map(p => lineOf(p, 1))
    const [one, two, three] = lines
    const sent: string[] = []
    let cartReadable = true
    // The second line's answer is lost before it reaches the backend (nothing added), and the shop stops answering reads.
    demo.server.use(
      http.post(items, async ({ request }) => {
        const { product_id: id } = await request.clone().json() as { product_id: number }
        sent.push(`POST ${id}`)
        if (id !== two!.productId || !cartReadable || sent.includes('lost')) return
        sent.push('lost')
        cartReadable = false
        return HttpResponse.error()
      }),
      http.get(`${demo.baseUrl}/cart/`, () => {
        sent.push('GET')
        return cartReadable ? undefined : HttpResponse.error()
      }),
    )
    const wrapper = await mountFor(orderOf(lines))
    await pressBuyAgain(wrapper)

    expect(backendCart()).toEqual({ [one!.productId]: 1 })
    expect(listNamed(wrapper, 'Could not confirm')).toEqual([two!.title])
    expect(listNamed(wrapper, 'Not added yet')).toEqual([three!.title])
    const check = link(wrapper, 'Check your cart')!
    expect(check.getAttribute('href')).toBe('/cart')
    expect(check.closest('p')!.textContent).toContain('before adding it again')
    expect(currentAnnouncement()).toBe(`Added 1 of 3 items to your cart. Could not reach the shop. Check your connection and try again. We could not confirm ${two!.title} was added: check your cart before adding it again. Not added yet: ${three!.title}. You can try the rest; nothing is added twice. Your cart has 1 item.`)

    // "Try the rest" while the cart still cannot be read: nothing is sent, the line is still not confirmed.
    const postsBefore = sent.filter(entry => entry.startsWith('POST')).length
    button(wrapper, 'Try the rest')!.click()
    await nextTick()
    await vi.waitFor(() => expect(button(wrapper, 'Try the rest')).toBeDefined())
    expect(sent.filter(entry => entry.startsWith('POST'))).toHaveLength(postsBefore)
    expect(listNamed(wrapper, 'Could not confirm')).toEqual([two!.title])

    // Readable again: the cart is read first, shows the line did not land, and each line is sent once more.
    cartReadable = true
    const from = sent.length
    button(wrapper, 'Try the rest')!.click()
    await vi.waitFor(() => expect(currentAnnouncement()).toBe('Added all 3 items of this order to your cart. Your cart has 3 items.'), { timeout: 10_000 })
    expect(backendCart()).toEqual(Object.fromEntries(lines.map(l => [l.productId, 1])))
    expect(sent.slice(from)).toEqual(['GET', `POST ${two!.productId}`, `POST ${three!.productId}`])
  })
})
