import { once } from 'node:events'
import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import nitroGracefulShutdown from 'nitropack/runtime/internal/lib/http-graceful-shutdown'
import { afterEach, describe, expect, it } from 'vitest'
import { createGracefulShutdown, type GracefulShutdown } from '~/server/utils/lifecycle/gracefulShutdown'
import { deferred } from '~/tests/support/promises'

// The shutdown the built server runs on SIGTERM (server/plugins/lifecycle.ts), on a real HTTP server over loopback:
// what a load balancer's connections see. The cluster test (tests/cluster) does the same through nginx under load.

interface Answer {
  status: number
  connection: string | undefined
  body: string
}

interface Harness {
  port: number
  shutdown: GracefulShutdown
  /** Releases the request waiting at /slow. */
  release(): void
  events: string[]
  exited: Promise<number>
}

let servers: Server[] = []

afterEach(() => {
  for (const server of servers) server.closeAllConnections()
  servers = []
})

async function start(options: { drainDelayMs?: number, timeoutMs?: number } = {}): Promise<Harness> {
  const slow = deferred()
  const events: string[] = []
  const exit = deferred<number>()
  const shutdown = createGracefulShutdown({
    drainDelayMs: options.drainDelayMs ?? 0,
    timeoutMs: options.timeoutMs ?? 10_000,
    close: async () => {
      events.push('close hook')
    },
    exit: (code) => {
      events.push(`exit ${code}`)
      exit.resolve(code)
    },
    log: line => events.push(line),
  })
  const server = createServer((req, res) => {
    shutdown.onRequest(req, res)
    const answer = () => {
      shutdown.beforeResponse(res)
      res.end(shutdown.draining ? 'draining' : 'serving')
    }
    if (req.url === '/slow') void slow.promise.then(answer)
    else answer()
  })
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { port: (server.address() as AddressInfo).port, shutdown, release: () => slow.resolve(), events, exited: exit.promise }
}

function get(port: number, path: string, agent: Agent | false = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res: IncomingMessage) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('graceful shutdown', () => {
  it('stops accepting, still answers on an open keep-alive connection, finishes the request in flight, then closes and exits 0', async () => {
    const app = await start()
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 })
    expect(await get(app.port, '/', keepAlive)).toMatchObject({ status: 200, connection: 'keep-alive', body: 'serving' })
    const inFlight = get(app.port, '/slow')
    // The slow request has reached the server once a fresh request on another connection is answered after it.
    await get(app.port, '/')

    const stopping = app.shutdown.shutdown('SIGTERM')
    expect(app.shutdown.draining).toBe(true)
    await expect(get(app.port, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    // The idle keep-alive connection was left open: a request a balancer sends on it now is served, and told to close.
    expect(await get(app.port, '/', keepAlive)).toMatchObject({ status: 200, connection: 'close', body: 'draining' })
    expect(app.events).not.toContain('close hook')

    app.release()
    expect(await inFlight).toMatchObject({ status: 200, connection: 'close', body: 'draining' })
    expect(await app.exited).toBe(0)
    await stopping
    expect(app.events.slice(-3, -1)).toEqual(['close hook', expect.stringMatching(/^\[shutdown\] done in \d+ ms$/)])
    expect(app.events.at(-1)).toBe('exit 0')
    keepAlive.destroy()
  })

  it('keeps accepting during the drain delay, with readiness already off and every connection closed after its answer', async () => {
    const app = await start({ drainDelayMs: 60_000 })
    void app.shutdown.shutdown('SIGTERM')
    expect(app.shutdown.draining).toBe(true)
    expect(await get(app.port, '/')).toMatchObject({ status: 200, connection: 'close', body: 'draining' })
    expect(app.events).toEqual(['[shutdown] SIGTERM: draining; still accepting for 60000 ms'])
  })

  it('cuts what is still open after the timeout and exits 0 all the same', async () => {
    const app = await start({ timeoutMs: 200 })
    const stuck = get(app.port, '/slow')
    await get(app.port, '/')
    void app.shutdown.shutdown('SIGTERM')
    await expect(stuck).rejects.toMatchObject({ code: 'ECONNRESET' })
    expect(await app.exited).toBe(0)
    expect(app.events).toContain('[shutdown] connections still open after 200 ms: closing them')
  })

  it('runs one shutdown when a second signal arrives', async () => {
    const app = await start()
    await get(app.port, '/')
    const first = app.shutdown.shutdown('SIGTERM')
    const second = app.shutdown.shutdown('SIGINT')
    await Promise.all([first, second])
    expect(app.events.filter(event => event.startsWith('exit'))).toEqual(['exit 0'])
  })

  it('answers a request that reached an idle keep-alive connection as the signal came, which Nitro\'s own handler destroys unread', async () => {
    const outcomes: Record<string, string> = {}
    for (const handler of ['ours', 'nitro'] as const) {
      const ours = createGracefulShutdown({ drainDelayMs: 0, timeoutMs: 1_000, close: async () => {}, exit: () => {}, log: () => {} })
      const server = createServer((req, res) => {
        ours.onRequest(req, res)
        res.end('ok')
      })
      servers.push(server)
      // nitropack's node-server preset runs this on SIGTERM (NITRO_SHUTDOWN_*); here without signals or exit.
      const nitro = nitroGracefulShutdown(server, { signals: '', forceExit: false, timeout: 1_000 }) as () => Promise<void>
      await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
      const socket = connect((server.address() as AddressInfo).port, '127.0.0.1')
      await once(socket, 'connect')
      expect(await exchange(socket)).toMatch(/^HTTP\/1\.1 200/)
      // The connection is idle; the next request is written now and read by the server at its next turn of the
      // event loop, after the shutdown has begun: what a load balancer sends at that instant.
      const second = exchange(socket)
      void (handler === 'ours' ? ours.shutdown('SIGTERM') : nitro())
      outcomes[handler] = await second.then(
        answer => `${answer.split('\r\n')[0]}, ${/connection: (\w+)/i.exec(answer)?.[1]}`,
        (error: NodeJS.ErrnoException) => error.code ?? error.message,
      )
      socket.destroy()
    }
    expect(outcomes.ours).toBe('HTTP/1.1 200 OK, close')
    expect(outcomes.nitro).toMatch(/^(ECONNRESET|closed without an answer)$/)
  })
})

/** Sends one GET on a raw connection; resolves with the raw answer once its body ("ok") is in. */
function exchange(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    const onData = (chunk: Buffer) => {
      text += chunk.toString()
      if (text.includes('\r\n\r\nok')) done(() => resolve(text))
    }
    const onClose = () => done(() => reject(new Error('closed without an answer')))
    const onError = (error: Error) => done(() => reject(error))
    function done(settle: () => void) {
      socket.off('data', onData).off('close', onClose).off('error', onError)
      settle()
    }
    socket.on('data', onData).on('close', onClose).on('error', onError)
    socket.write('GET / HTTP/1.1\r\nHost: shop.test\r\n\r\n')
  })
}
