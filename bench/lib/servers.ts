import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { freePort } from './ports'

export interface RunningStack {
  /** Storefront origin, e.g. http://127.0.0.1:41234 */
  webUrl: string
  /** Demo backend base, e.g. http://127.0.0.1:41235/api */
  apiBase: string
  /** The storefront's process id (taskset execs node, so the same process): for its CPU time (/proc/<pid>/stat). */
  webPid: number | undefined
  stop(): Promise<void>
}

export interface StackOptions {
  seedProducts?: number
  /** Extra env for the storefront process (e.g. NUXT_REDIS_URL). */
  webEnv?: Record<string, string>
  /** The build to serve; `npm run bench` serves a private copy so a concurrent rebuild cannot change it mid-run. */
  outputDir?: string
  /** CPU lists for `taskset -c` (e.g. '0'), so a load generator can get a core of its own. Ignored without taskset. */
  cpus?: { web?: string, api?: string }
  /** Node options for the storefront process (e.g. `--cpu-prof`, for bench/ssr/profile.ts). */
  webNodeArgs?: string[]
}

/**
 * The V8 options the storefront runs with in production (Dockerfile, `npm start`): measured as it runs. A
 * `webEnv.NODE_OPTIONS` replaces them, e.g. '' for Node's defaults (bench/ssr/cpuPerRender.ts A/B).
 */
export const SERVER_NODE_OPTIONS = '--max-semi-space-size=32'

/** Prefixes `command` with `taskset -c <cpus>` when asked for and available. */
function pinned(cpus: string | undefined, command: string, args: string[]): [string, string[]] {
  if (!cpus || !existsSync('/usr/bin/taskset')) return [command, args]
  return ['/usr/bin/taskset', ['-c', cpus, command, ...args]]
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process for ${url} exited with ${child.exitCode}`)
    try {
      const res = await fetch(url)
      if (res.ok) return
    }
    catch { /* not listening yet */ }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`)
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** Starts the demo backend and the built storefront (.output) on free ports. */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const entry = `${options.outputDir ?? '.output'}/server/index.mjs`
  if (!existsSync(entry)) throw new Error('No build found: run `npm run build` first')
  const [apiPort, webPort] = [await freePort(), await freePort()]
  const apiBase = `http://127.0.0.1:${apiPort}/api`
  const webUrl = `http://127.0.0.1:${webPort}`

  // One process (tsx as a loader, not its CLI): SIGTERM reaches the server itself, nothing is left orphaned.
  const api = spawn(...pinned(options.cpus?.api, process.execPath, ['--import', 'tsx', 'tests/mocks/cli/serve.ts']), {
    env: { ...process.env, DEMO_API_PORT: String(apiPort), DEMO_SEED_PRODUCTS: String(options.seedProducts ?? 10_000), DEMO_FAULTS: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitFor(`${apiBase}/__health/`, api, 60_000)

  const web = spawn(...pinned(options.cpus?.web, process.execPath, [...options.webNodeArgs ?? [], entry]), {
    env: { ...process.env, NODE_OPTIONS: SERVER_NODE_OPTIONS, PORT: String(webPort), HOST: '127.0.0.1', NUXT_API_BASE: apiBase, NUXT_PUBLIC_SITE_URL: webUrl, ...options.webEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    await waitFor(`${webUrl}/`, web, 60_000)
  }
  catch (error) {
    await Promise.all([stopProcess(web), stopProcess(api)])
    throw error
  }

  return {
    webUrl,
    apiBase,
    webPid: web.pid,
    stop: async () => {
      await Promise.all([stopProcess(web), stopProcess(api)])
    },
  }
}
