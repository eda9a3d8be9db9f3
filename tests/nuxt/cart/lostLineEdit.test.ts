import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import CartLineItem from '~/components/cart/CartLineItem.vue'
import { useCart } from '~/composables/cart/useCart'
import { ANNOUNCER_ID, currentAnnouncement } from '~/composables/ui/useAnnouncer'
import { createCartBackend, serveCart } from '../../support/cartBackend'
import { apiError } from '../../support/fakeApi'
import { mountInNuxt } from '../../support/nuxt'
import { deferred } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'

// "Remove" or a new quantity on the cart page whose answer was lost: nothing is said, and the line does not come
// back, until the cart read afterwards tells what the backend did; then the shopper hears that, and only that.
const fake = useFakeApi()

const Lines = defineComponent({
  setup() {
    const cart = useCart()
    return () => h('ul', cart.lines.value.map(line => h(CartLineItem, { key: line.id, line })))
  },
})

async function cartPage() {
  const backend = createCartBackend([{ id: 1, productId: 10, variantId: null, quantity: 2, unitCents: 1000, stock: 30 }])
  serveCart(fake.current, backend, [1])
  document.cookie = 'sf_cart=1; path=/'
  const wrapper = await mountInNuxt(Lines)
  await useCart().ensureLoaded()
  await vi.waitFor(() => expect(wrapper.find('li').exists()).toBe(true))
  // The live region outlives a test: what an earlier one said is not this one's.
  document.getElementById(ANNOUNCER_ID)?.replaceChildren()
  const button = (name: string) => wrapper.findAll('button').find(b => b.text() === name)
  /** Reads of the cart wait until released, then answer the backend's cart. */
  const holdReads = () => {
    const held = deferred()
    fake.current.on('GET', '/cart/', async () => {
      await held.promise
      return backend.dto()
    })
    return held
  }
  const reading = () => vi.waitFor(() => expect(fake.current.callsTo('/cart/', 'GET')).toHaveLength(2))
  /** The backend removes line 1 but its answer is lost, and the cart cannot be read either. */
  const removalLostUnreadable = () => {
    fake.current.on('DELETE', '/cart/items/1/', () => {
      backend.remove(1)
      throw apiError(0, 'We could not reach the store.')
    })
    fake.current.on('GET', '/cart/', apiError(503, 'Service temporarily unavailable.'))
  }
  return { backend, wrapper, button, holdReads, reading, removalLostUnreadable, heard: currentAnnouncement }
}

describe('a removal whose answer was lost', () => {
  it('is announced as removed when the cart read finds the line gone, and nothing is said before', async () => {
    const { backend, wrapper, button, holdReads, reading, heard } = await cartPage()
    fake.current.on('DELETE', '/cart/items/1/', () => {
      backend.remove(1)
      throw apiError(0, 'We could not reach the store.')
    })
    const read = holdReads()
    await button('RemoveProduct 10')!.trigger('click')
    await reading()
    expect(wrapper.find('li').exists()).toBe(false)
    expect(heard()).toBe('')
    read.resolve()
    await vi.waitFor(() => expect(heard()).toBe('Removed Product 10 from your cart.'))
    expect(wrapper.find('li').exists()).toBe(false)
  })

  it('brings the line back with its problem and "Try again" once the cart read finds it still there', async () => {
    const { wrapper, button, holdReads, reading, heard } = await cartPage()
    fake.current.on('DELETE', '/cart/items/1/', apiError(503, 'Service temporarily unavailable.'))
    const read = holdReads()
    await button('RemoveProduct 10')!.trigger('click')
    await reading()
    expect(wrapper.find('li').exists()).toBe(false)
    expect(heard()).toBe('')
    read.resolve()
    await vi.waitFor(() => expect(heard()).toBe('Product 10 was not removed. Service temporarily unavailable.'))
    await vi.waitFor(() => expect(wrapper.get('li').text()).toContain('Service temporarily unavailable.'))
    expect(button('Try again')).toBeDefined()
  })

  it('says it could not be confirmed when the cart cannot be read either, and keeps the line flagged', async () => {
    const { wrapper, button, heard, removalLostUnreadable } = await cartPage()
    removalLostUnreadable()
    await button('RemoveProduct 10')!.trigger('click')
    await vi.waitFor(() => expect(heard()).toBe('We could not confirm Product 10 was removed.'))
    await vi.waitFor(() => expect(wrapper.get('li').text()).toContain('We could not confirm it was removed.'))
    expect(wrapper.get('li').text()).not.toContain('not removed')
    expect(useCart().error.value).toMatchObject({ status: 503 })
  })

  it('shows a removal it could not confirm as a status of the line, not as an error the way a refusal is', async () => {
    const { wrapper, button, heard, removalLostUnreadable } = await cartPage()
    const noteSaying = (text: string) => wrapper.findAll('li p').find(p => p.text().includes(text))
    const shown = (text: string) => vi.waitFor(() => {
      const note = noteSaying(text)
      if (!note) throw new Error(`no note saying "${text}"`)
      return note
    })
    // Refused (the read shows the line still there): an error, said as one in words, not only in red.
    fake.current.on('DELETE', '/cart/items/1/', apiError(503, 'Service temporarily unavailable.'))
    await button('RemoveProduct 10')!.trigger('click')
    const refusal = await shown('Service temporarily unavailable.')
    expect(refusal.text()).toMatch(/^Error: Service temporarily unavailable\./)
    await wrapper.findAll('button').find(b => b.text().startsWith('Dismiss'))!.trigger('click')
    expect(noteSaying('Service temporarily unavailable.')).toBeUndefined()

    // Not confirmed (the read failed too): the shopper's own line, told as not known, with "Try again" kept.
    removalLostUnreadable()
    await button('RemoveProduct 10')!.trigger('click')
    await vi.waitFor(() => expect(heard()).toBe('We could not confirm Product 10 was removed.'))
    const status = await shown('We could not confirm it was removed.')
    expect(status.text()).not.toMatch(/error/i)
    expect(status.attributes('role')).toBeUndefined()
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    // The colour a refusal has is not this one's (a notice of the line, as "Price changed" is).
    expect(status.classes().some(name => name.includes('red'))).toBe(false)
    expect(status.findAll('button').map(b => b.text())).toContain('Try again')
  })
})

describe('a quantity change whose answer was lost', () => {
  it('is announced at the quantity the cart read finds, once it is read', async () => {
    const { backend, wrapper, button, holdReads, reading, heard } = await cartPage()
    fake.current.on('PATCH', '/cart/items/1/', () => {
      backend.patch(1, 3)
      throw apiError(504, 'Gateway timeout.')
    })
    const read = holdReads()
    await button('+Increase quantity of Product 10')!.trigger('click')
    await reading()
    expect(heard()).toBe('')
    expect(wrapper.get('li').text()).not.toContain('Gateway timeout.')
    read.resolve()
    await vi.waitFor(() => expect(heard()).toBe('Product 10: quantity 3.'))
    expect((wrapper.get('input').element as HTMLInputElement).value).toBe('3')
    expect(wrapper.get('li').text()).toContain('$30.00')
  })

  it('says it could not be confirmed when the cart cannot be read either', async () => {
    const { backend, wrapper, button, heard } = await cartPage()
    fake.current.on('PATCH', '/cart/items/1/', () => {
      backend.patch(1, 3)
      throw apiError(0, 'We could not reach the store.')
    })
    fake.current.on('GET', '/cart/', apiError(0, 'We could not reach the store.'))
    await button('+Increase quantity of Product 10')!.trigger('click')
    await vi.waitFor(() => expect(heard()).toBe('Product 10: We could not confirm the quantity was changed to 3.'))
    await vi.waitFor(() => expect(wrapper.get('li').text()).toContain('We could not confirm the quantity was changed to 3.'))
    expect(button('Try again')).toBeDefined()
  })
})
