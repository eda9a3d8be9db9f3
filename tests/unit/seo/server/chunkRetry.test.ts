// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHUNK_RETRY_SCRIPT, CHUNK_RETRY_TEXT } from '~/server/utils/html/chunkRetry'

type Retry = (load: () => Promise<unknown>) => Promise<unknown>
const failed = () => new Error('Failed to fetch dynamically imported module: /_nuxt/Ab1.js')
let online = true
const alertBar = () => document.querySelector('[role="alert"]')
const tryAgain = () => [...document.querySelectorAll('button')].find(button => button.textContent === 'Try again')

function setOnline(value: boolean): void {
  online = value
  window.dispatchEvent(new Event(value ? 'online' : 'offline'))
}

// The inline script as the browser runs it, with the import that failed ("load") under the test's control.
beforeEach(() => {
  vi.useFakeTimers()
  online = true
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online)
  document.body.innerHTML = '<main></main>'
  new Function(CHUNK_RETRY_SCRIPT)()
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})
const retry = () => (window as unknown as { __retryChunk: Retry }).__retryChunk

describe('the inline retry of code that failed to load', () => {
  it('offline: says so, waits for the connection, then resolves the import in place and takes the message away', async () => {
    online = false
    const load = vi.fn().mockRejectedValueOnce(failed()).mockRejectedValueOnce(failed()).mockResolvedValueOnce({ default: 'Component' })
    const imported = retry()(load)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(load).toHaveBeenCalledTimes(1)
    expect(alertBar()?.textContent).toContain(CHUNK_RETRY_TEXT.offline)

    // The button offline tries at once and, failing, keeps waiting without counting an attempt.
    tryAgain()!.click()
    await vi.advanceTimersByTimeAsync(0)
    expect(load).toHaveBeenCalledTimes(2)
    expect(alertBar()?.textContent).toContain(CHUNK_RETRY_TEXT.offline)

    setOnline(true)
    await expect(imported).resolves.toEqual({ default: 'Component' })
    expect(alertBar()).toBeNull()
  })

  it('online: the shop failed; retries after 2, 4, 8 s, then gives the error back and offers a reload', async () => {
    const load = vi.fn().mockRejectedValue(failed())
    const outcome = retry()(load).catch((error: Error) => error)
    await vi.advanceTimersByTimeAsync(0)
    expect(alertBar()?.textContent).toContain(CHUNK_RETRY_TEXT.shop)
    await vi.advanceTimersByTimeAsync(1_999)
    expect(load).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(load).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(4_000 + 8_000)
    expect(load).toHaveBeenCalledTimes(4)
    expect((await outcome as Error).message).toContain('Failed to fetch dynamically imported module')
    expect(alertBar()?.textContent).toContain(CHUNK_RETRY_TEXT.gaveUp)
    expect(alertBar()?.querySelector('button')?.textContent).toBe('Reload the page')
  })

  it('"Try again" retries every waiting import at once, and the message stays until the last one has loaded', async () => {
    const first = vi.fn().mockRejectedValueOnce(failed()).mockRejectedValueOnce(failed()).mockResolvedValue('first')
    const second = vi.fn().mockRejectedValueOnce(failed()).mockResolvedValue('second')
    const one = retry()(first)
    const two = retry()(second)
    await vi.advanceTimersByTimeAsync(0)
    tryAgain()!.click()
    expect(await two).toBe('second')
    await vi.advanceTimersByTimeAsync(0)
    expect(alertBar()).not.toBeNull()
    // The shopper's attempt failed too: the next comes after the next wait (4 s), not at once.
    await vi.advanceTimersByTimeAsync(3_999)
    expect(first).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(await one).toBe('first')
    expect(alertBar()).toBeNull()
  })

  it('online, a file the server no longer has (a deploy) is given up at once, for Nuxt to reload', async () => {
    const gone = new Error('Failed to fetch dynamically imported module: http://shop.test/_nuxt/Old1.js')
    const asked = vi.spyOn(window, 'fetch').mockResolvedValue(new Response(null, { status: 404 }))
    const load = vi.fn().mockRejectedValue(gone)
    await expect(retry()(load)).rejects.toBe(gone)
    expect(asked).toHaveBeenCalledWith('http://shop.test/_nuxt/Old1.js', expect.objectContaining({ method: 'HEAD' }))
    expect(load).toHaveBeenCalledTimes(1)
    expect(alertBar()?.textContent).toContain(CHUNK_RETRY_TEXT.gaveUp)
  })

  it('online, a file the server still has is retried (the shop or the connection failed)', async () => {
    vi.spyOn(window, 'fetch').mockResolvedValue(new Response(null, { status: 200 }))
    const load = vi.fn().mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module: http://shop.test/_nuxt/Ab1.js')).mockResolvedValue('module')
    const imported = retry()(load)
    await vi.advanceTimersByTimeAsync(2_000)
    await expect(imported).resolves.toBe('module')
    expect(alertBar()).toBeNull()
  })
})
