import type { IncomingMessage, ServerResponse } from 'node:http'
import { Server as NetServer, type Socket } from 'node:net'

/** An HTTP(S) server as Node makes it: `closeAllConnections` exists on both since Node 18.2. */
type HttpServer = NetServer & { closeAllConnections(): void }

export interface GracefulShutdownOptions {
  /** After the signal, keep accepting (readiness 503) this long, for a load balancer that routes on /readyz. */
  drainDelayMs: number
  /** In-flight requests get this long to finish once accepting has stopped; connections still open are then cut. */
  timeoutMs: number
  /** Runs once no connection is left: Nitro's close hook (Redis connections, monitoring flush). */
  close(): Promise<unknown>
  /** Ends the process; tests pass their own. */
  exit(code: number): void
  log?(line: string): void
}

export interface GracefulShutdown {
  /** True from the signal on: /readyz answers 503 and every response closes its connection. */
  readonly draining: boolean
  /** On every incoming request: remembers the server it came through; while draining, no keep-alive after it. */
  onRequest(req: IncomingMessage, res: ServerResponse): void
  /** Before a response goes out: a request that began before the signal also closes its connection after it. */
  beforeResponse(res: ServerResponse): void
  /** Drains and exits; a second signal joins the first shutdown. */
  shutdown(signal: string): Promise<void>
}

/** Nitro's close hook must not hold the exit for ever (a Redis that does not answer its QUIT). */
const CLOSE_HOOK_LIMIT_MS = 5_000

function delay(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

function serverOf(req: IncomingMessage): HttpServer | undefined {
  // Requests Nitro makes to itself (localFetch: the page cache's renders) come on a mock socket without a server.
  const server = (req.socket as (Socket & { server?: unknown }) | undefined)?.server
  return server instanceof NetServer && typeof (server as Partial<HttpServer>).closeAllConnections === 'function' ? server as HttpServer : undefined
}

/**
 * Stops accepting and resolves once every connection has closed. `net.Server#close`, not `http.Server#close`:
 * the latter also destroys idle keep-alive connections at once, and a load balancer may be sending a request on
 * one of them at that very moment (or it sits unread in the socket): that request fails at the balancer, and a
 * POST is not retried. Left alone, an idle connection is closed by its peer (nginx's upstream keepalive_timeout is
 * shorter than Node's 5 s keepAliveTimeout) or by Node's timeout, and one that carries a request is answered with
 * `Connection: close`, which the balancer reads before reusing it.
 */
function stopAccepting(server: HttpServer): Promise<void> {
  return new Promise(resolve => NetServer.prototype.close.call(server, () => resolve()))
}

/**
 * SIGTERM handling for the built server (server/plugins/lifecycle.ts): readiness turns 503, the listening socket
 * closes (after `drainDelayMs`), responses ask for their connection to close, in-flight requests finish within
 * `timeoutMs`, then the close hook runs (Redis) and the process exits 0.
 */
export function createGracefulShutdown(options: GracefulShutdownOptions): GracefulShutdown {
  const log = options.log ?? ((line: string) => console.warn(line))
  let server: HttpServer | undefined
  let draining = false
  let stopping: Promise<void> | undefined

  function closeAfterResponse(res: ServerResponse): void {
    if (!res.headersSent) res.setHeader('connection', 'close')
  }

  async function drainAndExit(signal: string): Promise<void> {
    draining = true
    const started = Date.now()
    log(`[shutdown] ${signal}: draining${options.drainDelayMs > 0 ? `; still accepting for ${options.drainDelayMs} ms` : ''}`)
    if (options.drainDelayMs > 0) await delay(options.drainDelayMs)
    if (server) {
      const closed = stopAccepting(server).then(() => true)
      const inTime = await Promise.race([closed, delay(options.timeoutMs).then(() => false)])
      if (!inTime) {
        log(`[shutdown] connections still open after ${options.timeoutMs} ms: closing them`)
        server.closeAllConnections()
      }
    }
    await Promise.race([
      options.close().catch((error: unknown) => log(`[shutdown] close hook failed: ${error instanceof Error ? error.message : String(error)}`)),
      delay(CLOSE_HOOK_LIMIT_MS),
    ])
    log(`[shutdown] done in ${Date.now() - started} ms`)
    options.exit(0)
  }

  return {
    get draining() {
      return draining
    },
    onRequest(req, res) {
      server ??= serverOf(req)
      if (draining) closeAfterResponse(res)
    },
    beforeResponse(res) {
      if (draining) closeAfterResponse(res)
    },
    shutdown(signal) {
      stopping ??= drainAndExit(signal)
      return stopping
    },
  }
}
