import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Router } from 'vue-router'
import { leaveCheckoutFor, markCheckoutEntry } from '~/composables/checkout/checkoutHistory'
import { PENDING_NOTICE_KEY, RECOVERED_NOTICE } from '~/composables/checkout/pendingNotice'
import { CHECKOUT_STORAGE_PREFIX } from '~/utils/checkout/checkoutStorage'

// The checkout's history entries and the order that ends them, on a tab's history as the browser keeps it: entries
// with their state (vue-router's position in it), the current one, and the document each belongs to. A traversal
// within the document is heard by the router (afterEach, a task later); one into another document unloads the page,
// and the test goes on as the checkout that document loads.

interface Entry { path: string, state: Record<string, unknown>, doc: number }

function browserTab(first: string) {
  const entries: Entry[] = [{ path: first, state: { position: 0 }, doc: 1 }]
  let index = 0
  let doc = 1
  const hooks = new Set<() => void>()
  const current = () => entries[index]!
  vi.stubGlobal('history', {
    get state() {
      return current().state
    },
    get length() {
      return entries.length
    },
    replaceState(state: Record<string, unknown>) {
      current().state = structuredClone(state)
    },
  })
  const router = {
    currentRoute: { value: { get path() { return current().path.replace(/\?.*$/, '') } } },
    afterEach(hook: () => void) {
      hooks.add(hook)
      return () => hooks.delete(hook)
    },
    go(delta: number) {
      index += delta
      // Another document: this page is gone, and nothing more of it runs.
      if (current().doc === doc) setTimeout(() => [...hooks].forEach(hook => hook()))
    },
    async replace(path: string) {
      entries[index] = { path, state: { ...current().state, position: index }, doc }
    },
  }
  return {
    router: router as unknown as Router,
    /** A link or a step's Continue: a new entry after the current one, forward entries dropped. */
    push(path: string) {
      entries.splice(index + 1, entries.length, { path, state: { position: index + 1 }, doc })
      index += 1
    },
    /** Back or Forward, as the browser does it before the app hears of it. */
    traverse(delta: number) {
      index += delta
    },
    /** The entries whose document is gone (a tab the browser discarded and restored): each loads when shown. */
    restore() {
      doc += 1
      current().doc = doc
    },
    /** The current entry's document, as the checkout that loads there after a traversal out of this one. */
    arrive() {
      doc = current().doc
    },
    paths: () => entries.map(e => e.path),
    at: () => entries[index]!.path,
    marks: () => entries.map(e => e.state.checkoutEntry),
  }
}

type BrowserTab = ReturnType<typeof browserTab>

function memoryStorage() {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  }
}

/** From the cart to review, each entry marked as the steps' component does it (on arrival and on each step). */
function checkOut(tab: BrowserTab): void {
  let first: number | null = null
  for (const step of ['address', 'shipping', 'payment', 'review']) {
    tab.push(`/checkout?step=${step}`)
    first = markCheckoutEntry(first)
  }
}

const STEPS_AFTER_ORDER = ['/checkout?step=shipping', '/checkout?step=payment', '/checkout?step=review']

let storage: ReturnType<typeof memoryStorage>
beforeEach(() => {
  storage = memoryStorage()
  vi.stubGlobal('sessionStorage', storage)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the checkout\'s history entries', () => {
  it('remember the checkout\'s first entry, each of them, and keep their other keys', () => {
    const tab = browserTab('/cart')
    tab.push('/checkout')
    history.replaceState({ ...history.state, leftFocus: { path: '/checkout', id: 'x' } }, '')
    let first = markCheckoutEntry(null)
    expect(history.state).toEqual({ position: 1, leftFocus: { path: '/checkout', id: 'x' }, checkoutEntry: 1 })
    tab.push('/checkout?step=shipping')
    first = markCheckoutEntry(first)
    expect(tab.marks()).toEqual([undefined, 1, 1])
    // Arrival at a marked entry (a reload, Back or Forward) keeps its mark, whatever the component held.
    tab.traverse(-1)
    expect(markCheckoutEntry(null)).toBe(1)
    expect(first).toBe(1)
  })
})

describe('marks made late (the chunk still on its way while the shopper went on)', () => {
  it('write only the entry still shown, and still carry the first entry to the ones after it', () => {
    const tab = browserTab('/cart')
    tab.push('/checkout?step=address')
    const address = history.state as Record<string, unknown>
    tab.push('/checkout?step=shipping')
    const shipping = history.state as Record<string, unknown>
    tab.push('/checkout?step=payment')
    const payment = history.state as Record<string, unknown>
    let first = markCheckoutEntry(null, address)
    first = markCheckoutEntry(first, shipping)
    first = markCheckoutEntry(first, payment)
    expect(first).toBe(1)
    expect(tab.marks()).toEqual([undefined, undefined, undefined, 1])
  })

  it('start from the mark of the entry the steps showed on (a reload), though it is no longer shown', () => {
    const tab = browserTab('/cart')
    checkOut(tab)
    tab.traverse(-1)
    const payment = history.state as Record<string, unknown>
    tab.push('/checkout?step=review')
    expect(markCheckoutEntry(markCheckoutEntry(null, payment), history.state as Record<string, unknown>)).toBe(1)
    expect(tab.marks()).toEqual([undefined, 1, 1, 1, 1])
  })
})

describe('leaving the checkout for the order placed', () => {
  it('goes back to the checkout\'s first entry and replaces it with the order: behind it is the page checkout was entered from', async () => {
    const tab = browserTab('/cart')
    checkOut(tab)
    const told: string[] = []
    await leaveCheckoutFor(tab.router, '/orders/9', m => told.push(m), true)
    expect(tab.paths()).toEqual(['/cart', '/orders/9', ...STEPS_AFTER_ORDER])
    expect(tab.at()).toBe('/orders/9')
    expect(told).toEqual([RECOVERED_NOTICE])
    expect(storage.data.size).toBe(0)
  })

  it('Forward from the order onto a step\'s entry comes back to the order, with nothing replaced and nothing said', async () => {
    const tab = browserTab('/cart')
    checkOut(tab)
    await leaveCheckoutFor(tab.router, '/orders/9', () => {})
    tab.traverse(+2)
    const told: string[] = []
    await leaveCheckoutFor(tab.router, '/orders/9', m => told.push(m))
    expect(tab.paths()).toEqual(['/cart', '/orders/9', ...STEPS_AFTER_ORDER])
    expect(tab.at()).toBe('/orders/9')
    expect(told).toEqual([])
  })

  it('a new cart checked out from a step\'s entry left after an order: its order replaces the earlier one\'s entry', async () => {
    const tab = browserTab('/cart')
    checkOut(tab)
    await leaveCheckoutFor(tab.router, '/orders/9', () => {})
    // Forward onto the shipping step's entry with new lines in the cart: a checkout again, on to review from there.
    tab.traverse(+1)
    let first = markCheckoutEntry(null)
    for (const step of ['payment', 'review']) {
      tab.push(`/checkout?step=${step}`)
      first = markCheckoutEntry(first)
    }
    await leaveCheckoutFor(tab.router, '/orders/10', () => {})
    expect(tab.paths()).toEqual(['/cart', '/orders/10', '/checkout?step=shipping', '/checkout?step=payment', '/checkout?step=review'])
    expect(tab.at()).toBe('/orders/10')
  })

  it('an entry without the mark (a typed /checkout URL) is replaced with the order where it is', async () => {
    const tab = browserTab('/products/1-mug')
    tab.push('/checkout?step=review')
    await leaveCheckoutFor(tab.router, '/orders/9', () => {})
    expect(tab.paths()).toEqual(['/products/1-mug', '/orders/9'])
  })

  it('back to a first entry whose document is gone: the checkout loaded there replaces it, and says the notice kept for it', async () => {
    const tab = browserTab('/cart')
    checkOut(tab)
    tab.restore()
    // This page is unloaded on the way: its promise never settles.
    void leaveCheckoutFor(tab.router, '/orders/9', () => { throw new Error('said by a page that is gone') }, true)
    expect(tab.at()).toBe('/checkout?step=address')
    expect([...storage.data.keys()]).toEqual([PENDING_NOTICE_KEY])
    tab.arrive()
    const told: string[] = []
    await leaveCheckoutFor(tab.router, '/orders/9', m => told.push(m))
    expect(tab.paths()).toEqual(['/cart', '/orders/9', ...STEPS_AFTER_ORDER])
    expect(told).toEqual([RECOVERED_NOTICE])
    expect(storage.data.size).toBe(0)
  })

  it('a notice owed to another order is not said, and is gone once read', async () => {
    const tab = browserTab('/cart')
    checkOut(tab)
    storage.setItem(PENDING_NOTICE_KEY, '/orders/8')
    const told: string[] = []
    await leaveCheckoutFor(tab.router, '/orders/9', m => told.push(m))
    expect(told).toEqual([])
    expect(storage.data.size).toBe(0)
  })

  it('keeps the notice under the checkout\'s storage prefix, which signing out removes', () => {
    expect(PENDING_NOTICE_KEY.startsWith(CHECKOUT_STORAGE_PREFIX)).toBe(true)
  })
})
