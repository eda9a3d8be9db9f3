import { spawn, type ChildProcess } from 'node:child_process'
import { freePort } from '../../../bench/lib/ports'
import { startStorefront } from '../../integration/server/support/processes'

/** One Playwright worker's own demo backend and built storefront in front of it. */
export interface WorkerStack {
  /** The storefront's origin, e.g. "http://127.0.0.1:41234": every test's baseURL. */
  webUrl: string
  /** The demo API, e.g. "http://127.0.0.1:41235/api": what the support helpers reach as E2E_API_BASE. */
  apiBase: string
  stop(): Promise<void>
}

const LISTENING = /demo-api listening on (\S+)/

/**
 * `npm run demo-api` with fault injection, as its own process (as the shopper's backend is): the specs' faults,
 * outbox and stats belong to this worker alone. Port 0: the backend binds a free port and says which.
 */
function startDemoBackend(storefrontUrl: string): Promise<{ url: string, child: ChildProcess }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DEMO_API_PORT: '0', DEMO_FAULTS: '1', DEMO_STOREFRONT_URL: storefrontUrl }
  // serve.ts turns fault injection off in production; the worker's NODE_ENV is not the backend's.
  delete env.NODE_ENV
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/mocks/cli/serve.ts'], { stdio: ['ignore', 'pipe', 'pipe'], env })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`the demo backend did not start within 60 s:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const listening = LISTENING.exec(output)
      if (!listening) return
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.stderr?.off('data', onData)
      // Its log stays readable in the worker's output, as Playwright's webServer showed it.
      child.stderr?.pipe(process.stderr)
      child.stdout?.resume()
      resolve({ url: listening[1]!, child })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the demo backend exited with ${code}:\n${output}`))
    })
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done()
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}

/** Starts the worker's backend, then the storefront (the build at .output, fresh: global setup saw to it). */
export async function startWorkerStack(): Promise<WorkerStack> {
  // The storefront's own address is known before it starts: the backend's reset links point to it.
  const webUrl = `http://127.0.0.1:${await freePort()}`
  const backend = await startDemoBackend(webUrl)
  const storefront = await startStorefront({ apiBase: backend.url, siteUrl: webUrl, port: Number(new URL(webUrl).port), echoStderr: true })
    .catch(async (error: unknown) => {
      await stopChild(backend.child)
      throw error
    })
  // Playwright's webServer asked for / before the first test: no test meets a server that has served nothing yet.
  await fetch(`${webUrl}/`).then(response => response.arrayBuffer())
  return {
    webUrl,
    apiBase: backend.url,
    stop: async () => {
      await storefront.stop()
      await stopChild(backend.child)
    },
  }
}
