import { describe, expect, it, vi } from 'vitest'
import { useCart } from '~/composables/cart/useCart'
import { currentAnnouncement } from '~/composables/ui/useAnnouncer'
import { apiError } from '../../support/fakeApi'
import { createCartBackend, serveCart } from '../../support/cartBackend'
import { mountComposable } from '../../support/nuxt'
import { deferred, settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'

// useCart as components use it: the store's verbs, plus what screen readers hear through the one live region.
const fake = useFakeApi()

async function mountedCart() {
  const backend = createCartBackend([{ id: 1, productId: 10, variantId: null, quantity: 2, unitCents: 1000, stock: 30 }])
  serveCart(fake.current, backend, [1])
  document.cookie = 'sf_cart=1; path=/'
  const { result } = await mountComposable(() => useCart())
  await result.ensureLoaded()
  return { cart: result, backend, heard: currentAnnouncement }
}

describe('useCart', () => {
  it('announces an addition with what was added and the new count', async () => {
    const { cart, heard } = await mountedCart()
    await cart.add({ productId: 40, variantId: null, quantity: 2 })
    expect(heard()).toBe('Added 2 × Product 40 to your cart. Your cart has 4 items.')
    expect(cart.itemCount.value).toBe(4)
    expect(cart.lastAddition.value).toMatchObject({ lineId: 100, error: null })
  })

  it('names the chosen options of what was added, so the shopper hears which size went in', async () => {
    const { cart, heard } = await mountedCart()
    await cart.add({ productId: 41, variantId: 7, quantity: 1 })
    expect(heard()).toBe('Added Product 41 (M) to your cart. Your cart has 3 items.')
  })

  it('rolls back and announces a refused addition, rejecting with the ApiError', async () => {
    const { cart, heard } = await mountedCart()
    fake.current.on('POST', '/cart/items/', apiError(503, 'Service temporarily unavailable, try again later.'))
    await expect(cart.add({ productId: 40, variantId: null, quantity: 1 })).rejects.toMatchObject({ status: 503 })
    expect(heard()).toBe('Not added to your cart. Service temporarily unavailable, try again later.')
    expect(cart.itemCount.value).toBe(2)
    expect(cart.lastAddition.value?.error?.status).toBe(503)
  })

  it('says the settled quantity once after a burst of presses, and a shared refusal once', async () => {
    const { cart, heard } = await mountedCart()
    const announced = vi.spyOn(document.getElementById('app-announcer')!, 'replaceChildren')
    const first = cart.setQuantity(1, 3)
    await settle()
    const rest = [4, 5, 6].map(q => cart.setQuantity(1, q))
    await Promise.all([first, ...rest])
    expect(fake.current.callsTo('/cart/items/1/', 'PATCH').map(c => (c.body as { quantity: number }).quantity)).toEqual([3, 6])
    expect(heard()).toBe('Product 10: quantity 6.')
    await settle()
    announced.mockClear()

    // The backend fails the next change only once the second press has queued behind it.
    const outage = deferred<never>()
    fake.current.on('PATCH', '/cart/items/1/', () => outage.promise)
    const failing = cart.setQuantity(1, 7)
    await settle()
    const queued = cart.setQuantity(1, 8)
    outage.reject(apiError(503, 'Down.'))
    await expect(failing).rejects.toMatchObject({ status: 503 })
    await expect(queued).rejects.toMatchObject({ status: 503 })
    expect(heard()).toBe('Product 10: Down.')
    await settle()
    expect(announced).toHaveBeenCalledTimes(1)
    expect(cart.lines.value[0]).toMatchObject({ quantity: 6, problem: { wanted: 7 } })
    expect(fake.current.callsTo('/cart/items/1/', 'PATCH')).toHaveLength(3)
  })

  it('announces a removal and puts the line back with undo', async () => {
    const { cart, heard } = await mountedCart()
    await cart.remove(1)
    expect(heard()).toBe('Removed Product 10 from your cart.')
    expect(cart.lines.value).toEqual([])
    expect(cart.lastRemoved.value?.title).toBe('Product 10')
    await cart.undoRemove()
    await vi.waitFor(() => expect(heard()).toBe('Product 10 is back in your cart.'))
    expect(cart.itemCount.value).toBe(2)
  })
})
