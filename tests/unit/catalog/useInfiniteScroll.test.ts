// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { useInfiniteScroll, type UseInfiniteScrollReturn } from '~/composables/pagination/useInfiniteScroll'
import type { ListStatus } from '~/stores/resources/cursorList'

// A controllable IntersectionObserver that behaves like the browser's: it reports when the sentinel enters or
// leaves the range, and once for every element it starts observing (where the element is at that moment).
let sentinelNear = false
let observedMargin = ''
const observers = new Set<FakeIntersectionObserver>()
class FakeIntersectionObserver {
  observed = new Set<Element>()
  constructor(private callback: (entries: Array<{ isIntersecting: boolean }>) => void, options?: { rootMargin?: string }) {
    observedMargin = options?.rootMargin ?? ''
    observers.add(this)
  }

  observe(el: Element) {
    this.observed.add(el)
    // The browser's first report for a newly observed element comes with the next rendering step.
    queueMicrotask(() => {
      if (this.observed.has(el)) this.callback([{ isIntersecting: sentinelNear }])
    })
  }

  unobserve(el: Element) {
    this.observed.delete(el)
  }

  disconnect() {
    this.observed.clear()
    observers.delete(this)
  }

  /** The sentinel moved in or out of range. */
  report() {
    if (this.observed.size) this.callback([{ isIntersecting: sentinelNear }])
  }
}

const mounted: Array<{ unmount: () => void }> = []

async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await nextTick()
    await Promise.resolve()
  }
}

async function setup(options: { status?: ListStatus } = {}) {
  const status = ref<ListStatus>(options.status ?? 'idle')
  const loadMore = vi.fn(() => { status.value = 'loading' })
  let api!: UseInfiniteScrollReturn
  const wrapper = mount(defineComponent({
    setup() {
      api = useInfiniteScroll({ status, loadMore })
      return () => h('div', [h('div', { ref: api.sentinel })])
    },
  }), { attachTo: document.body })
  mounted.push(wrapper)
  // The observer code is loaded once the list is mounted.
  await vi.waitFor(() => expect(observers.size).toBe(1))
  await flush()
  /** The sentinel enters or leaves the range, and the observer says so. */
  const move = async (near: boolean) => {
    sentinelNear = near
    for (const observer of observers) observer.report()
    await flush()
  }
  /** A page landed: the list is idle again (or done, or failed). */
  const land = async (next: ListStatus = 'idle') => {
    status.value = next
    await flush()
  }
  return { api: () => api, loadMore, status, move, land }
}

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)
  sentinelNear = false
})
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  vi.unstubAllGlobals()
})

describe('useInfiniteScroll', () => {
  it('watches a screen ahead of the end and loads once when the sentinel comes near', async () => {
    const t = await setup()
    expect(observedMargin).toBe('100% 0px 100% 0px')
    expect(t.loadMore).not.toHaveBeenCalled()
    await t.move(true)
    expect(t.loadMore).toHaveBeenCalledTimes(1)
    expect(t.status.value).toBe('loading')
    await t.move(true)
    expect(t.loadMore).toHaveBeenCalledTimes(1)
  })

  it('keeps loading while the end stays within range (a tall screen), then stops when it moves away', async () => {
    const t = await setup()
    await t.move(true)
    await t.land()
    // No change in range: the sentinel is observed afresh, its first report says it is near, the next page loads.
    expect(t.loadMore).toHaveBeenCalledTimes(2)
    sentinelNear = false
    await t.land()
    expect(t.loadMore).toHaveBeenCalledTimes(2)
  })

  it('does not stall when the end leaves and comes back between two observations while a page lands', async () => {
    const t = await setup()
    await t.move(true)
    // The page grows and the shopper jumps back to the bottom before the observer looks again: it saw no change.
    sentinelNear = true
    await t.land()
    expect(t.loadMore).toHaveBeenCalledTimes(2)
  })

  it('stops on an error until the list is idle again, and stops for good when done', async () => {
    const t = await setup()
    await t.move(true)
    await t.land('error')
    await t.move(false)
    await t.move(true)
    expect(t.loadMore).toHaveBeenCalledTimes(1)

    // A retry that succeeds makes the list idle again: auto-loading resumes by itself.
    await t.land('idle')
    expect(t.loadMore).toHaveBeenCalledTimes(2)
    await t.land('done')
    await t.move(false)
    await t.move(true)
    expect(t.loadMore).toHaveBeenCalledTimes(2)
  })

  it('pauses while the tab is hidden', async () => {
    const t = await setup()
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' })
    document.dispatchEvent(new Event('visibilitychange'))
    await flush()
    await t.move(true)
    expect(t.api().isPaused.value).toBe(true)
    expect(t.loadMore).not.toHaveBeenCalled()

    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' })
    document.dispatchEvent(new Event('visibilitychange'))
    await flush()
    expect(t.loadMore).toHaveBeenCalledTimes(1)
  })
})
