import { afterEach, describe, expect, it, vi } from 'vitest'
import CartHeaderButton from '~/components/cart/CartHeaderButton.vue'
import { useCart } from '~/composables/cart/useCart'
import { createCartBackend, serveCart } from '../../support/cartBackend'
import { apiError } from '../../support/fakeApi'
import { mountInNuxt } from '../../support/nuxt'
import { useFakeApi } from '../../support/useFakeApi'

// The shopper comes back to a tab whose cart could not be read: the browser says so twice (`visibilitychange`, then
// `focus`, or the other way round, each its own task), and the cart is read again once per return.
const fake = useFakeApi()

afterEach(() => {
  vi.restoreAllMocks()
})

/** A page whose header found a cart (the marker) and could not read it: every read fails. */
async function unreadableCart() {
  serveCart(fake.current, createCartBackend([{ id: 1, productId: 1, variantId: null, quantity: 2, unitCents: 100, stock: 99 }]), [1])
  fake.current.on('GET', '/cart/', apiError(503, 'Service temporarily unavailable.'))
  document.cookie = 'sf_cart=1; path=/'
  await mountInNuxt(CartHeaderButton, { route: '/' })
  await vi.waitFor(() => expect(useCart().error.value).toMatchObject({ status: 503 }))
  const reads = () => fake.current.callsTo('/cart/', 'GET').length
  return { reads, before: reads() }
}

let visibility: 'visible' | 'hidden' = 'visible'
function setVisibility(state: 'visible' | 'hidden'): void {
  visibility = state
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
  document.dispatchEvent(new Event('visibilitychange'))
}

/** Each browser event is its own task: the read an event started has failed before the next one comes. */
async function afterItsRead(): Promise<void> {
  await new Promise(resolve => setTimeout(resolve))
  expect(useCart().error.value).toMatchObject({ status: 503 })
}

describe('the shopper back on a tab whose cart could not be read', () => {
  it('reads the cart once for one return: visibilitychange and focus', async () => {
    const { reads, before } = await unreadableCart()
    setVisibility('visible')
    await afterItsRead()
    window.dispatchEvent(new Event('focus'))
    await afterItsRead()
    expect(reads() - before).toBe(1)
  })

  it('reads nothing when the shopper leaves the tab', async () => {
    const { reads, before } = await unreadableCart()
    window.dispatchEvent(new Event('blur'))
    setVisibility('hidden')
    await afterItsRead()
    expect(reads() - before).toBe(0)
  })

  it('reads again at the next return, whichever of the two events comes first', async () => {
    const { reads, before } = await unreadableCart()
    window.dispatchEvent(new Event('focus'))
    await afterItsRead()
    setVisibility('visible')
    await afterItsRead()
    expect(reads() - before, 'one return: one read').toBe(1)

    setVisibility('hidden')
    window.dispatchEvent(new Event('blur'))
    await afterItsRead()
    setVisibility('visible')
    await afterItsRead()
    window.dispatchEvent(new Event('focus'))
    await afterItsRead()
    expect(reads() - before, 'two returns: two reads').toBe(2)

    // Back to the window from another one: the tab stayed visible, so focus alone tells it.
    window.dispatchEvent(new Event('blur'))
    window.dispatchEvent(new Event('focus'))
    await afterItsRead()
    expect(reads() - before, 'three returns: three reads').toBe(3)
  })
})
