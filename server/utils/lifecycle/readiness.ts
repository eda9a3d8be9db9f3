/** One dependency check: resolves when the dependency answered, rejects (or is cut at the timeout) when not. */
export type ReadinessCheck = (signal: AbortSignal) => Promise<void>

export type CheckOutcome = 'ok' | 'down'

export interface ReadinessReport {
  ready: boolean
  /** Each check's outcome by name; names only, never an address or an error text (the body may be seen). */
  checks: Record<string, CheckOutcome>
}

export interface ReadinessOptions {
  checks: Record<string, ReadinessCheck>
  /** Each check gives up after this long and counts as down. */
  timeoutMs: number
  /** A report is reused for this long, so a flood of probes costs the backend and Redis one check each per window. */
  cacheMs: number
  now?: () => number
}

export interface Readiness {
  /** The latest report: reused while younger than `cacheMs`; concurrent callers share one run of the checks. */
  report(): Promise<ReadinessReport>
}

async function run(check: ReadinessCheck, timeoutMs: number): Promise<CheckOutcome> {
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new Error('timed out'))
    }, timeoutMs)
  })
  try {
    await Promise.race([check(controller.signal), timedOut])
    return 'ok'
  }
  catch {
    return 'down'
  }
  finally {
    clearTimeout(timer)
  }
}

/**
 * Whether this instance can serve: every dependency answered within `timeoutMs`. A report lives `cacheMs` at most
 * (short: an outage shows within a probe period), and is never kept for longer because a check hung.
 */
export function createReadiness(options: ReadinessOptions): Readiness {
  const now = options.now ?? Date.now
  const names = Object.keys(options.checks)
  let latest: { at: number, report: ReadinessReport } | undefined
  let running: Promise<ReadinessReport> | undefined

  async function runAll(): Promise<ReadinessReport> {
    const outcomes = await Promise.all(names.map(name => run(options.checks[name]!, options.timeoutMs)))
    const checks = Object.fromEntries(names.map((name, i) => [name, outcomes[i]!])) as Record<string, CheckOutcome>
    const report = { ready: outcomes.every(outcome => outcome === 'ok'), checks }
    latest = { at: now(), report }
    return report
  }

  return {
    report() {
      if (latest && now() - latest.at < options.cacheMs) return Promise.resolve(latest.report)
      running ??= runAll().finally(() => {
        running = undefined
      })
      return running
    },
  }
}
