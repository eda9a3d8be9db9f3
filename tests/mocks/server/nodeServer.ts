import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { getResponse } from 'msw'
import type { RequestHandler } from 'msw'

// A small node:http bridge to MSW's getResponse: the very handlers Vitest uses, served over real HTTP.
// Incoming URLs are rewritten onto the handlers' canonical origin (so "localhost" and "127.0.0.1" both
// match), and the host the client used is passed on as X-Forwarded-Host for absolute URLs.

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, X-Cart-Token, X-Request-Id',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'Retry-After, X-Cart-Token, Location',
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function toFetchRequest(req: IncomingMessage, origin: string, body: Buffer | null): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  if (!headers.has('x-forwarded-host') && req.headers.host) headers.set('x-forwarded-host', req.headers.host)
  return new Request(`${origin}${req.url ?? '/'}`, { method: req.method, headers, body: body && body.length ? new Uint8Array(body) : undefined })
}

async function handle(handlers: RequestHandler[], origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    res.writeHead(204, CORS_HEADERS).end()
    return
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  const request = toFetchRequest(req, origin, hasBody ? await readBody(req) : null)
  const response = await getResponse(handlers, request)
  // A scripted connection reset (fault body "reset"): the peer sees ECONNRESET, as from a crashed upstream.
  if (response?.type === 'error') {
    req.socket.destroy()
    return
  }
  if (!response) {
    res.writeHead(404, { 'Content-Type': 'application/json', ...CORS_HEADERS }).end('{"detail":"Not found."}')
    return
  }
  const headers: Record<string, string> = { ...CORS_HEADERS }
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  const payload = Buffer.from(await response.arrayBuffer())
  if (req.method !== 'HEAD') headers['content-length'] = String(payload.length)
  res.writeHead(response.status, headers)
  res.end(req.method === 'HEAD' ? undefined : payload)
}

export interface RunningServer {
  server: Server
  port: number
  close(): Promise<void>
}

/**
 * Listens on host:port (0 = any free port) and serves the handlers. `origin` is the origin the handlers
 * were built for (e.g. "http://127.0.0.1"); it never leaks because absolute URLs follow X-Forwarded-Host.
 */
export function serveHandlers(handlers: RequestHandler[], options: { host: string, port: number, origin: string }): Promise<RunningServer> {
  const { origin } = options
  const server = createServer((req, res) => {
    handle(handlers, origin, req, res).catch((error: unknown) => {
      console.error('[demo-api] bridge error', error)
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end('{"detail":"A server error occurred."}')
    })
  })
  server.keepAliveTimeout = 65_000
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : options.port
      resolve({
        server,
        port,
        close: () => new Promise<void>((done, fail) => {
          server.closeAllConnections()
          server.close(error => (error ? fail(error) : done()))
        }),
      })
    })
  })
}
