import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'

const run = promisify(execFile)
const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js')

export interface LoadOptions {
  connections: number
  durationS: number
  warmupS: number
  headers?: Record<string, string>
  /** `taskset -c` list for the load generator, so it does not take the server's core. */
  cpus?: string
}

/** One load run, as autocannon counts it. Latencies in ms. */
export interface LoadRun {
  rps: number
  p50: number
  p99: number
  requests: number
  /** Responses outside 2xx, plus connection errors and timeouts: all must be 0. */
  failures: number
}

interface AutocannonJson {
  duration: number
  errors: number
  timeouts: number
  non2xx: number
  latency: { p50: number, p99: number }
  requests: { total: number }
}

/** Runs autocannon in its own process (pinned when asked), after an unmeasured warm-up at the same concurrency. */
export async function runLoad(url: string, options: LoadOptions): Promise<LoadRun> {
  const args = [autocannonCli, '--json', '--no-progress', '-c', String(options.connections), '-d', String(options.durationS)]
  if (options.warmupS > 0) args.push('--warmup', '[', '-c', String(options.connections), '-d', String(options.warmupS), ']')
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}=${value}`)
  args.push(url)
  const [command, commandArgs] = options.cpus && existsSync('/usr/bin/taskset')
    ? ['/usr/bin/taskset', ['-c', options.cpus, process.execPath, ...args]]
    : [process.execPath, args]
  const { stdout } = await run(command, commandArgs, { maxBuffer: 16 * 1024 * 1024 })
  // With a warm-up, autocannon prints the warm-up's JSON line first; the measured run is the last line.
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as AutocannonJson
  return {
    // Total over wall time: steadier than the mean of one-second samples for short runs.
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  }
}
