import { spawn, type ChildProcess } from 'node:child_process'
import { BUILT_SERVER, waitForOutput } from '../../integration/server/support/processes'
import { assertFreshBuild } from '../../../bench/lib/build'

export interface InstanceOptions {
  port: number
  env: Record<string, string>
}

/** One built storefront process (`node .output/server/index.mjs`) on a fixed port, so it can come back on it. */
export interface Instance {
  readonly name: string
  readonly url: string
  /** stdout and stderr of every run so far. */
  readonly output: string
  /** Starts the process (again) and resolves once it listens. */
  start(): Promise<void>
  /** Sends a signal; resolves with the exit code (null when killed by a signal) and how long the exit took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null, ms: number }>
}

export function createInstance(name: string, options: InstanceOptions): Instance {
  let child: ChildProcess | undefined
  let output = ''
  return {
    name,
    url: `http://127.0.0.1:${options.port}`,
    get output() {
      return output
    },
    async start() {
      await assertFreshBuild()
      child = spawn(process.execPath, [BUILT_SERVER], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_ENV: 'production', PORT: String(options.port), HOST: '127.0.0.1', ...options.env },
      })
      const append = (chunk: Buffer) => (output += chunk.toString())
      child.stdout?.on('data', append)
      child.stderr?.on('data', append)
      await waitForOutput(child, /Listening on/, name)
    },
    stop(signal = 'SIGTERM') {
      const running = child
      if (!running || running.exitCode !== null || running.signalCode !== null) return Promise.resolve({ code: running?.exitCode ?? null, ms: 0 })
      const started = Date.now()
      return new Promise((done) => {
        running.once('exit', code => done({ code, ms: Date.now() - started }))
        running.kill(signal)
      })
    },
  }
}
