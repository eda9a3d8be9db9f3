import { afterEach, describe, expect, it, vi } from 'vitest'
import { createReadiness, type ReadinessCheck } from '~/server/utils/lifecycle/readiness'
import { deferred, settle } from '~/tests/support/promises'

function clock() {
  let at = 1_000_000
  return { now: () => at, advance: (ms: number) => { at += ms } }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('readiness report', () => {
  it('is ready when every check answers, and names the one that did not', async () => {
    const ok: ReadinessCheck = async () => {}
    const down: ReadinessCheck = async () => {
      throw new Error('ECONNREFUSED 10.0.0.7:6379')
    }
    expect(await createReadiness({ checks: { backend: ok, redis: ok }, timeoutMs: 100, cacheMs: 0 }).report())
      .toEqual({ ready: true, checks: { backend: 'ok', redis: 'ok' } })
    const report = await createReadiness({ checks: { backend: ok, redis: down }, timeoutMs: 100, cacheMs: 0 }).report()
    // Outcomes only: no address or error text reaches the body.
    expect(report).toEqual({ ready: false, checks: { backend: 'ok', redis: 'down' } })
  })

  it('counts a check that does not answer within the timeout as down, and aborts it', async () => {
    vi.useFakeTimers()
    let aborted = false
    const hangs: ReadinessCheck = signal => new Promise(() => {
      signal.addEventListener('abort', () => {
        aborted = true
      })
    })
    const pending = createReadiness({ checks: { backend: hangs }, timeoutMs: 1_000, cacheMs: 0 }).report()
    await vi.advanceTimersByTimeAsync(999)
    expect(aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await pending).toEqual({ ready: false, checks: { backend: 'down' } })
    expect(aborted).toBe(true)
  })

  it('reuses a report for cacheMs only, so an outage shows at the next probe after that', async () => {
    const time = clock()
    let up = true
    let runs = 0
    const backend: ReadinessCheck = async () => {
      runs++
      if (!up) throw new Error('down')
    }
    const readiness = createReadiness({ checks: { backend }, timeoutMs: 100, cacheMs: 1_000, now: time.now })
    expect((await readiness.report()).ready).toBe(true)
    up = false
    time.advance(999)
    expect((await readiness.report()).ready).toBe(true)
    expect(runs).toBe(1)
    time.advance(1)
    expect((await readiness.report()).ready).toBe(false)
    expect(runs).toBe(2)
  })

  it('runs the checks once for probes that arrive together', async () => {
    const answer = deferred()
    let runs = 0
    const backend: ReadinessCheck = () => {
      runs++
      return answer.promise
    }
    const readiness = createReadiness({ checks: { backend }, timeoutMs: 1_000, cacheMs: 0 })
    const reports = [readiness.report(), readiness.report(), readiness.report()]
    await settle()
    answer.resolve()
    expect((await Promise.all(reports)).map(report => report.ready)).toEqual([true, true, true])
    expect(runs).toBe(1)
    // With no cache window, the next probe asks again.
    await readiness.report()
    expect(runs).toBe(2)
  })
})
