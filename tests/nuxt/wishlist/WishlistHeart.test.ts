import { afterEach, describe, expect, it, vi } from 'vitest'
import { computed, reactive, shallowRef } from 'vue'
import { useNuxtApp } from '#imports'
import WishlistHeaderLink from '~/components/wishlist/WishlistHeaderLink.vue'
import WishlistHeart from '~/components/wishlist/WishlistHeart.vue'
import type { WishlistAccess, WishlistProduct, WishlistRuntime } from '~/composables/wishlist/wishlistAccess'
import { mountInNuxt } from '../../support/nuxt'
import { settle } from '../../support/promises'

const MUG: WishlistProduct = { id: 42, title: 'Blue mug' }

/** A running wishlist whose saved ids the test sets; toggling flips them, as the real one shows a choice at once. */
function fakeRuntime(saved: number[] = []): WishlistRuntime & { ids: Set<number> } {
  const ids = reactive(new Set(saved))
  return {
    ids,
    isSaved: id => ids.has(id),
    count: computed(() => ids.size),
    toggle: vi.fn((product: WishlistProduct) => {
      if (ids.has(product.id)) ids.delete(product.id)
      else ids.add(product.id)
    }),
    set: vi.fn(async () => true),
    restore: vi.fn(async () => null),
  }
}

/** Installs the wishlist handle hearts read: started with `runtime`, or not started yet (loads it on demand). */
function install(runtime: WishlistRuntime, started: boolean): WishlistAccess {
  const current = shallowRef<WishlistRuntime | null>(started ? runtime : null)
  const access: WishlistAccess = { current, load: vi.fn(async () => (current.value = runtime)) }
  Object.assign(useNuxtApp(), { _wishlistAccess: access })
  return access
}

afterEach(() => {
  Reflect.deleteProperty(useNuxtApp(), '_wishlistAccess')
})

describe('WishlistHeart', () => {
  it('is a toggle button named for the product, not pressed before the wishlist has started', async () => {
    install(fakeRuntime([MUG.id]), false)
    const heart = (await mountInNuxt(WishlistHeart, { props: { product: MUG } })).get('button')
    expect(heart.attributes('type')).toBe('button')
    expect(heart.attributes('aria-pressed')).toBe('false')
    expect(heart.attributes('aria-label')).toBe('Add Blue mug to wishlist')
    // Decorative glyph only: the name is the button's.
    expect(heart.get('span').attributes('aria-hidden')).toBe('true')
  })

  it('shows what the running wishlist has, and follows it, in aria-pressed and never in its name', async () => {
    const runtime = fakeRuntime([MUG.id])
    install(runtime, true)
    const wrapper = await mountInNuxt(WishlistHeart, { props: { product: MUG } })
    expect(wrapper.get('button').attributes('aria-pressed')).toBe('true')
    expect(wrapper.get('button').attributes('aria-label')).toBe('Add Blue mug to wishlist')
    runtime.ids.delete(MUG.id)
    await settle()
    expect(wrapper.get('button').attributes('aria-pressed')).toBe('false')
    expect(wrapper.get('button').attributes('aria-label')).toBe('Add Blue mug to wishlist')
  })

  it('a tap toggles the product; before the wishlist has started it is loaded first', async () => {
    const runtime = fakeRuntime()
    const access = install(runtime, false)
    const wrapper = await mountInNuxt(WishlistHeart, { props: { product: MUG } })
    await wrapper.get('button').trigger('click')
    await settle()
    expect(access.load).toHaveBeenCalledOnce()
    expect(runtime.toggle).toHaveBeenCalledWith(MUG)
    expect(wrapper.get('button').attributes('aria-pressed')).toBe('true')
    expect(wrapper.get('button').attributes('aria-label')).toBe('Add Blue mug to wishlist')
  })
})

describe('WishlistHeaderLink', () => {
  it('links to /wishlist; the count is in its name and in a badge hidden from screen readers', async () => {
    const runtime = fakeRuntime()
    install(runtime, true)
    const link = (await mountInNuxt(WishlistHeaderLink)).get('a')
    expect(link.attributes('href')).toBe('/wishlist')
    expect(link.text()).toBe('Wishlist')
    runtime.ids.add(1)
    await settle()
    expect(link.get('.sr-only').text()).toBe('Wishlist, 1 item')
    runtime.ids.add(2)
    await settle()
    expect(link.get('.sr-only').text()).toBe('Wishlist, 2 items')
    expect(link.get('.header-badge').attributes('aria-hidden')).toBe('true')
    expect(link.get('.header-badge').text()).toBe('2')
  })
})
