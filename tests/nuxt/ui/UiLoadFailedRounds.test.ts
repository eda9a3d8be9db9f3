import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import UiLoadFailed from '~/components/ui/UiLoadFailed.vue'
import { apiError } from '../../support/fakeApi'
import { mountInNuxt } from '../../support/nuxt'

// A part of a page shown while its status is 'error' (the pages' `v-if="…status === 'error'"`): its own retry sets
// the status to 'loading', so the failure leaves the page during each attempt and comes back when it fails again.
// Its round of automatic attempts must go on where it stood, not start again: a new round every time was a retry
// every 2 s, for as long as the page stayed open, from every shopper's tab, while the backend was down.

/** A part that fails every time; `calls`: its retries. */
function failingPart() {
  const status = ref<'error' | 'loading'>('error')
  const error = apiError(503, 'Down.').toJSON()
  const retry = vi.fn(async () => {
    status.value = 'loading'
    await Promise.resolve()
    status.value = 'error'
  })
  const Part = defineComponent({
    setup: () => () => h('section', [
      h('h2', 'Categories'),
      status.value === 'error' ? h(UiLoadFailed, { what: 'the categories', error, retry, compact: true }) : h('p', 'Loading…'),
    ]),
  })
  return { Part, retry }
}

beforeEach(() => {
  vi.useFakeTimers()
  // No jitter: the waits are the backoff's own.
  vi.spyOn(Math, 'random').mockReturnValue(1)
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('UiLoadFailed shown only while its part has failed', () => {
  it('keeps its round across its own attempts: waits 2, 4, 8, 16, 30 s, then leaves the next try to the shopper', async () => {
    const { Part, retry } = failingPart()
    const wrapper = await mountInNuxt(Part)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(retry).toHaveBeenCalledTimes(1)
    // Back after its first attempt failed: the second waits twice as long, not 2 s again.
    await vi.advanceTimersByTimeAsync(3_999)
    expect(retry).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(retry).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(8_000 + 16_000 + 30_000)
    expect(retry).toHaveBeenCalledTimes(5)
    await vi.advanceTimersByTimeAsync(600_000)
    expect(retry).toHaveBeenCalledTimes(5)
    expect(wrapper.text()).toContain('Still not loading.')

    // The shopper's "Try again" starts a new round.
    await wrapper.get('button').trigger('click')
    expect(retry).toHaveBeenCalledTimes(6)
    await vi.advanceTimersByTimeAsync(4_000)
    expect(retry).toHaveBeenCalledTimes(7)
  })
})
