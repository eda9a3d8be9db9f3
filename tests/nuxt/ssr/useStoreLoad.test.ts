import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import { useNuxtApp, useRouter } from '#imports'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'

/** Mounts a component whose setup awaits useStoreLoad(key, load), as the catalog composables do. */
async function mountLoading(key: string, load: () => Promise<unknown>) {
  await mountSuspended(defineComponent({
    async setup() {
      await useStoreLoad(key, load)
      return () => h('p', 'rendered')
    },
  }))
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('useStoreLoad (browser)', () => {
  it('starts the load without holding up the page', async () => {
    const load = vi.fn(() => new Promise<void>(() => {}))
    await mountLoading('test:never-answers', load)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('skips a key the server already loaded into the payload (hydration)', async () => {
    useNuxtApp().payload.once.add('test:server-loaded')
    const load = vi.fn(async () => {})
    await mountLoading('test:server-loaded', load)
    expect(load).not.toHaveBeenCalled()
  })

  it('loads a key once per navigation, and again after the next one', async () => {
    const load = vi.fn(async () => {})
    await mountLoading('test:per-navigation', load)
    await mountLoading('test:per-navigation', load)
    expect(load).toHaveBeenCalledTimes(1)

    await useRouter().push('/products?after=navigation')
    await mountLoading('test:per-navigation', load)
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('logs a load that throws instead of failing the page', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    await mountLoading('test:throws', async () => {
      throw new Error('store bug')
    })
    await vi.waitFor(() => expect(logged).toHaveBeenCalledWith('[store load] test:throws', expect.any(Error)))
  })
})
