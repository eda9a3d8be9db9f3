import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import { useAutoRetry } from '~/composables/ui/useAutoRetry'
import { apiError } from '../../support/fakeApi'
import { mountComposable } from '../../support/nuxt'

/** A section whose load fails `failures` more times, then succeeds. */
function section(failures: number, error: ApiErrorData = apiError(503, 'The shop is busy.').toJSON()) {
  const failure = ref<ApiErrorData | null>(error)
  let left = failures
  const retry = vi.fn(async () => {
    failure.value = null
    await Promise.resolve()
    failure.value = left-- > 0 ? error : null
  })
  return { failure, retry }
}

async function mount(s: ReturnType<typeof section>, options: { maxAttempts?: number } = {}) {
  const { result } = await mountComposable(() => useAutoRetry({ failure: () => s.failure.value, retry: s.retry, ...options }))
  await nextTick()
  return result
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.spyOn(Math, 'random').mockReturnValue(1)
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('useAutoRetry', () => {
  it('retries a failed section by itself with growing waits, counting down, until it loads', async () => {
    const s = section(2)
    const retry = await mount(s)
    expect(retry.phase.value).toBe('waiting')
    expect(retry.secondsLeft.value).toBe(2)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(retry.secondsLeft.value).toBe(1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(s.retry).toHaveBeenCalledTimes(1)
    // Failed again: the next wait is twice as long.
    expect(retry.phase.value).toBe('waiting')
    expect(retry.secondsLeft.value).toBe(4)
    await vi.advanceTimersByTimeAsync(3_999)
    expect(s.retry).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(s.retry).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(8_000)
    expect(s.retry).toHaveBeenCalledTimes(3)
    expect(s.failure.value).toBeNull()
    expect(retry.phase.value).toBe('idle')
    // Loaded: nothing more happens.
    await vi.advanceTimersByTimeAsync(120_000)
    expect(s.retry).toHaveBeenCalledTimes(3)
  })

  it('stops after its attempts and leaves the next one to the shopper, who starts a new round', async () => {
    const s = section(100)
    const retry = await mount(s, { maxAttempts: 2 })
    await vi.advanceTimersByTimeAsync(2_000 + 4_000)
    expect(s.retry).toHaveBeenCalledTimes(2)
    expect(retry.phase.value).toBe('stopped')
    await vi.advanceTimersByTimeAsync(600_000)
    expect(s.retry).toHaveBeenCalledTimes(2)
    await retry.retryNow()
    expect(s.retry).toHaveBeenCalledTimes(3)
    expect(retry.phase.value).toBe('waiting')
    expect(retry.secondsLeft.value).toBe(4)
  })

  it('waits at least as long as the backend asked', async () => {
    const s = section(0, { ...apiError(429, 'Slow down.').toJSON(), retryAfterMs: 7_000 })
    const retry = await mount(s)
    expect(retry.secondsLeft.value).toBe(7)
    await vi.advanceTimersByTimeAsync(6_999)
    expect(s.retry).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(s.retry).toHaveBeenCalledTimes(1)
  })

  it('does not retry what cannot get better by waiting (the subject is gone, the request is malformed)', async () => {
    for (const status of [404, 400]) {
      const s = section(0, apiError(status).toJSON())
      const retry = await mount(s)
      await vi.advanceTimersByTimeAsync(60_000)
      expect(s.retry).not.toHaveBeenCalled()
      expect(retry.phase.value).toBe('idle')
    }
  })

  it('does not retry while the tab is hidden, and does when it is shown again', async () => {
    const s = section(0)
    await mount(s)
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(s.retry).not.toHaveBeenCalled()
    visibility.mockReturnValue('visible')
    document.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(0)
    expect(s.retry).toHaveBeenCalledTimes(1)
  })

  it('tries at once when the connection comes back', async () => {
    const s = section(0, apiError(0, 'offline').toJSON())
    await mount(s)
    window.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(0)
    expect(s.retry).toHaveBeenCalledTimes(1)
  })
})
