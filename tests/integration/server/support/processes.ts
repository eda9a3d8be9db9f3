import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { freePort } from '../../../../bench/lib/ports'
import { assertFreshBuild } from '../../../../bench/lib/build'

/** A child process this test started, stopped by its own pid. */
export interface Running {
  url: string
  stop(): Promise<void>
}

export const BUILT_SERVER = resolve(process.cwd(), '.output/server/index.mjs')

/** Resolves when `pattern` shows up in the child's output; rejects when it exits or `timeoutMs` passes first. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, name: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((done, fail) => {
    let output = ''
    const timer = setTimeout(() => fail(new Error(`${name} did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (pattern.test(output)) {
        clearTimeout(timer)
        done()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`${name} exited with ${code}:\n${output}`))
    })
  })
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () => new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done()
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}

/** A Redis that can also hang: paused, it keeps its connections open and answers nothing (SIGSTOP) until resumed. */
export interface RunningRedis extends Running {
  pause(): void
  resume(): void
}

/** Debian's redis-server on a free port (or the one given), in memory only. */
export async function startRedis(options: { port?: number } = {}): Promise<RunningRedis> {
  const port = options.port ?? await freePort()
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
  await waitForOutput(child, /Ready to accept connections/, 'redis-server')
  const stop = stopper(child)
  return {
    url: `redis://127.0.0.1:${port}`,
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    // A paused process would not act on SIGTERM until continued.
    stop: () => {
      child.kill('SIGCONT')
      return stop()
    },
  }
}

export interface StorefrontOptions {
  apiBase: string
  siteUrl: string
  redisUrl?: string
  env?: Record<string, string>
  /** A port chosen beforehand (e.g. to make siteUrl this server's own address); a free one when unset. */
  port?: number
  /** Also write the server's stderr (its errors) to this process's stderr, as Playwright's webServer did. */
  echoStderr?: boolean
}

/** The built storefront: also what it wrote to stdout and stderr (its log), for tests that read the log. */
export interface RunningStorefront extends Running {
  /** Everything the server wrote since it started (the last MiB of it), stdout and stderr interleaved. */
  output(): string
}

const KEPT_OUTPUT_CHARS = 1024 * 1024

/** `node .output/server/index.mjs`, the production build, on a free port. */
export async function startStorefront(options: StorefrontOptions): Promise<RunningStorefront> {
  await assertFreshBuild()
  const port = options.port ?? await freePort()
  const child = spawn(process.execPath, [BUILT_SERVER], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      NUXT_API_BASE: options.apiBase,
      NUXT_PUBLIC_SITE_URL: options.siteUrl,
      NUXT_REDIS_URL: options.redisUrl ?? '',
      ...options.env,
    },
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-KEPT_OUTPUT_CHARS)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  if (options.echoStderr) child.stderr?.pipe(process.stderr)
  await waitForOutput(child, /Listening on/, 'storefront')
  return { url: `http://127.0.0.1:${port}`, stop: stopper(child), output: () => output }
}
