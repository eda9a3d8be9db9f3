// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { useInfiniteScroll, type UseInfiniteScrollReturn } from '~/composables/pagination/useInfiniteScroll'

// A controllable IntersectionObserver: the test says when the sentinel enters or leaves the range.
let observerCallback: ((entries: Array<{ isIntersecting: boolean }>) => void) | null = null
let observedMargin = ''
class FakeIntersectionObserver {
  constructor(callback: (entries: Array<{ isIntersecting: boolean }>) => void, options?: { rootMargin?: string }) {
    observerCallback = callback
    observedMargin = options?.rootMargin ?? ''
  }

  observe() {}
  unobserve() {}
  disconnect() {}
}

let sentinelTop = 0
const mounted: Array<{ unmount: () => void }> = []

async function setup(options: { hasNext?: boolean } = {}) {
  const loading = ref(false)
  const hasNext = ref(options.hasNext ?? true)
  const failed = ref(false)
  const loadMore = vi.fn(() => { loading.value = true })
  let api!: UseInfiniteScrollReturn
  const wrapper = mount(defineComponent({
    setup() {
      api = useInfiniteScroll({ loadMore, hasNext, isLoading: loading, error: failed })
      return () => h('div', [h('div', { ref: api.sentinel })])
    },
  }), { attachTo: document.body })
  mounted.push(wrapper)
  // The observer is created once the sentinel element is bound.
  await nextTick()
  const el = wrapper.element.firstElementChild as HTMLElement
  el.getBoundingClientRect = () => ({ top: sentinelTop, bottom: sentinelTop, left: 0, right: 0, width: 0, height: 0, x: 0, y: sentinelTop, toJSON: () => ({}) })
  const intersect = async (isIntersecting: boolean) => {
    observerCallback?.([{ isIntersecting }])
    await nextTick()
    await nextTick()
  }
  const finish = async (more = true) => {
    loading.value = false
    hasNext.value = more
    await nextTick()
    await nextTick()
  }
  return { api: () => api, loadMore, loading, failed, intersect, finish, wrapper }
}

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: 800 })
  sentinelTop = 1000
})
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  vi.unstubAllGlobals()
})

describe('useInfiniteScroll', () => {
  it('watches a screen ahead of the end and loads once when the sentinel comes near', async () => {
    const t = await setup()
    expect(observedMargin).toBe('100% 0px 100% 0px')
    await t.intersect(true)
    expect(t.loadMore).toHaveBeenCalledTimes(1)
    expect(t.api().state.value).toBe('loading')
    await t.intersect(true)
    expect(t.loadMore).toHaveBeenCalledTimes(1)
  })

  it('keeps loading while the end stays within range (a tall screen), then stops when it moves away', async () => {
    const t = await setup()
    await t.intersect(true)
    await t.finish()
    // No new observer event: the sentinel is still near, so the next page loads by itself.
    expect(t.loadMore).toHaveBeenCalledTimes(2)
    sentinelTop = 5000
    await t.finish()
    expect(t.loadMore).toHaveBeenCalledTimes(2)
  })

  it('stops on an error until retry, and is done when there is nothing more', async () => {
    const t = await setup()
    await t.intersect(true)
    t.failed.value = true
    await t.finish()
    expect(t.api().state.value).toBe('error')
    await t.intersect(false)
    await t.intersect(true)
    expect(t.loadMore).toHaveBeenCalledTimes(1)

    t.failed.value = false
    t.api().retry()
    expect(t.loadMore).toHaveBeenCalledTimes(2)
    await t.finish(false)
    expect(t.api().state.value).toBe('done')
    t.api().loadNow()
    expect(t.loadMore).toHaveBeenCalledTimes(2)
  })

  it('pauses while the tab is hidden', async () => {
    const t = await setup()
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' })
    document.dispatchEvent(new Event('visibilitychange'))
    await nextTick()
    await t.intersect(true)
    expect(t.api().isPaused.value).toBe(true)
    expect(t.loadMore).not.toHaveBeenCalled()

    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' })
    document.dispatchEvent(new Event('visibilitychange'))
    await nextTick()
    await nextTick()
    expect(t.loadMore).toHaveBeenCalledTimes(1)
  })
})
