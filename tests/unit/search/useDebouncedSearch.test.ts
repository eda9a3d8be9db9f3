import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { ApiError } from '~/composables/core/api/ApiError'
import { useDebouncedSearch, type UseDebouncedSearchOptions } from '~/composables/search/useDebouncedSearch'

interface Call {
  query: string
  signal: AbortSignal
  resolve: (value: string) => void
  reject: (error: unknown) => void
}

/** A search function whose answers the test releases by hand, in any order. */
function controlledSearch() {
  const calls: Call[] = []
  const search = (query: string, signal: AbortSignal) => new Promise<string>((resolve, reject) => {
    calls.push({ query, signal, resolve, reject })
  })
  return { calls, search }
}

function setup(options: UseDebouncedSearchOptions = {}, startingTerm = '') {
  const term = ref(startingTerm)
  const backend = controlledSearch()
  const scope = effectScope()
  const state = scope.run(() => useDebouncedSearch(term, backend.search, options))!
  return { term, state, scope, calls: backend.calls }
}

async function type(term: { value: string }, text: string, msPerKey: number): Promise<void> {
  for (const char of text) {
    term.value += char
    await nextTick()
    await vi.advanceTimersByTimeAsync(msPerKey)
  }
}

describe('useDebouncedSearch', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sends one request for "wireless" typed at 80 ms per key, for the whole word', async () => {
    const { term, state, calls } = setup()
    await type(term, 'wireless', 80)
    await vi.advanceTimersByTimeAsync(250)
    expect(calls.map(c => c.query)).toEqual(['wireless'])
    calls[0]!.resolve('results:wireless')
    await vi.runAllTimersAsync()
    expect(state.results.value).toBe('results:wireless')
    expect(state.resultsFor.value).toBe('wireless')
    expect(state.status.value).toBe('success')
  })

  it('still answers a long continuous query every maxWait, never more often', async () => {
    const { term, calls } = setup({ maxWaitMs: 1000 })
    await type(term, 'wireless headphones noise', 80) // 25 keys = 2 s of typing
    await vi.advanceTimersByTimeAsync(250)
    expect(calls.length).toBeGreaterThanOrEqual(2)
    expect(calls.length).toBeLessThanOrEqual(3)
    expect(calls.at(-1)!.query).toBe('wireless headphones noise')
  })

  it('never shows a prefix that answers after the newer query, and aborts it', async () => {
    const { term, state, calls } = setup()
    await type(term, 'wire', 80)
    await vi.advanceTimersByTimeAsync(250)
    expect(calls.map(c => c.query)).toEqual(['wire'])
    await type(term, 'less', 80)
    await vi.advanceTimersByTimeAsync(250)
    expect(calls.map(c => c.query)).toEqual(['wire', 'wireless'])
    expect(calls[0]!.signal.aborted).toBe(true)

    calls[1]!.resolve('results:wireless')
    await vi.runAllTimersAsync()
    // A backend that ignores the abort still answers late: the answer must be dropped.
    calls[0]!.resolve('results:wire')
    await vi.runAllTimersAsync()
    expect(state.results.value).toBe('results:wireless')
    expect(state.resultsFor.value).toBe('wireless')
  })

  it('drops an answer whose query the shopper has already left, even if no newer request started', async () => {
    const { term, state, calls } = setup()
    await type(term, 'wire', 80)
    await vi.advanceTimersByTimeAsync(250)
    term.value = 'wirel'
    await nextTick()
    calls[0]!.resolve('results:wire')
    await vi.advanceTimersByTimeAsync(1)
    expect(state.results.value).toBeNull()
    expect(state.status.value).toBe('debouncing')
  })

  // A search page's term in the header box: nothing is sent for it by itself, and nothing says it is loading.
  it('leaves the term it starts with idle until asked, then asks once and shows the answer', async () => {
    const { state, calls } = setup({}, 'lamp')
    await vi.advanceTimersByTimeAsync(5_000)
    expect(calls).toHaveLength(0)
    expect(state.status.value).toBe('idle')

    const asked = state.flush()
    expect(calls.map(c => c.query)).toEqual(['lamp'])
    expect(state.status.value).toBe('loading')
    calls[0]!.resolve('results:lamp')
    await asked
    await nextTick()
    expect(state.status.value).toBe('success')
    expect(state.results.value).toBe('results:lamp')
  })

  it('does not ask for queries under the minimum length', async () => {
    const { term, state, calls } = setup({ minLength: 3 })
    await type(term, 'wi', 80)
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toHaveLength(0)
    expect(state.status.value).toBe('idle')
  })

  it('serves a recent query from its cache without a request', async () => {
    const { term, state, calls } = setup()
    await type(term, 'lamp', 80)
    await vi.advanceTimersByTimeAsync(250)
    calls[0]!.resolve('results:lamp')
    await vi.runAllTimersAsync()

    term.value = 'lamps'
    await nextTick()
    await vi.advanceTimersByTimeAsync(250)
    calls[1]!.resolve('results:lamps')
    await vi.runAllTimersAsync()

    term.value = ' LAMP '
    await nextTick()
    expect(state.results.value).toBe('results:lamp')
    expect(state.status.value).toBe('success')
    await vi.runAllTimersAsync()
    expect(calls).toHaveLength(2)
  })

  it('exposes a failure as an error state and retries on flush', async () => {
    const { term, state, calls } = setup()
    await type(term, 'desk', 80)
    await vi.advanceTimersByTimeAsync(250)
    expect(state.status.value).toBe('loading')
    calls[0]!.reject(new ApiError({ status: 503, code: 'http_503', message: 'The shop is temporarily unavailable.', fieldErrors: {}, retryable: true }))
    await vi.runAllTimersAsync()
    expect(state.status.value).toBe('error')
    expect(state.error.value?.message).toBe('The shop is temporarily unavailable.')

    const retried = state.flush()
    expect(calls).toHaveLength(2)
    calls[1]!.resolve('results:desk')
    await retried
    expect(state.status.value).toBe('success')
    expect(state.error.value).toBeNull()
  })

  it('flush asks immediately, and the pending debounce then sends nothing more', async () => {
    const { term, state, calls } = setup({ debounceMs: 400 })
    term.value = 'mug'
    await nextTick()
    const done = state.flush()
    expect(calls.map(c => c.query)).toEqual(['mug'])
    calls[0]!.resolve('results:mug')
    await done
    await vi.runAllTimersAsync()
    expect(calls).toHaveLength(1)
  })

  it('honours a configured debounce', async () => {
    const { term, calls } = setup({ debounceMs: 500 })
    term.value = 'tent'
    await nextTick()
    await vi.advanceTimersByTimeAsync(499)
    expect(calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(1)
  })

  it('clearing the input aborts the request and returns to idle', async () => {
    const { term, state, calls } = setup()
    await type(term, 'boot', 80)
    await vi.advanceTimersByTimeAsync(250)
    term.value = ''
    await nextTick()
    expect(calls[0]!.signal.aborted).toBe(true)
    calls[0]!.reject(new DOMException('aborted', 'AbortError'))
    await vi.runAllTimersAsync()
    expect(state.status.value).toBe('idle')
    expect(state.error.value).toBeNull()
  })

  it('aborts the request in flight when its scope is disposed', async () => {
    const { term, scope, calls } = setup()
    await type(term, 'sofa', 80)
    await vi.advanceTimersByTimeAsync(250)
    scope.stop()
    expect(calls[0]!.signal.aborted).toBe(true)
  })

  it('sends nothing after disposal, even if a debounce was pending', async () => {
    const { term, scope, calls } = setup()
    await type(term, 'sofa', 80)
    scope.stop()
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toHaveLength(0)
  })
})
