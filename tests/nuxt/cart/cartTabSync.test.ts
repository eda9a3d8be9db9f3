import { afterEach, describe, expect, it, vi } from 'vitest'
import { connectCartTabs, type CartTabMessage } from '~/composables/cart/cartTabSync'

// Without BroadcastChannel, another tab's localStorage write arrives as a `storage` event; the value changes with
// every message, so two "changed" in a row are two events. Nothing but the word travels.
describe('connectCartTabs without BroadcastChannel', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    localStorage.clear()
  })

  it('writes only the message word (and a nonce) to storage, and reads other tabs\' writes', () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    const heard: CartTabMessage[] = []
    const tabs = connectCartTabs(message => heard.push(message))
    tabs.post('changed')
    const first = localStorage.getItem('sf-cart-sync')!
    tabs.post('changed')
    const second = localStorage.getItem('sf-cart-sync')!
    expect(first).toMatch(/^changed:\d+:1$/)
    expect(second).not.toBe(first)

    // What another tab's write looks like here.
    window.dispatchEvent(new StorageEvent('storage', { key: 'sf-cart-sync', newValue: 'reset:1:1' }))
    window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: 'changed:1:1' }))
    window.dispatchEvent(new StorageEvent('storage', { key: 'sf-cart-sync', newValue: 'nonsense' }))
    expect(heard).toEqual(['reset'])
    tabs.close()
    window.dispatchEvent(new StorageEvent('storage', { key: 'sf-cart-sync', newValue: 'changed:2:2' }))
    expect(heard).toEqual(['reset'])
  })
})
