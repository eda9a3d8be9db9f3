import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'

/** One request as the backend received it. */
export interface BackendRequest {
  method: string
  /** Path and query after the API base, e.g. `/products/?search=mug`. */
  url: string
  /** The body as text, for requests that carry one. */
  body?: string
}

export interface RecordingProxy {
  /** The base to give the storefront (NUXT_API_BASE). */
  url: string
  /** Everything forwarded since the last `clear()`. */
  requests: BackendRequest[]
  clear(): void
  close(): Promise<void>
}

/**
 * A pass-through HTTP proxy in front of the demo API that writes down every request the storefront sends to the
 * backend, so a test can check what reached it (filters, cursors, search terms) and not only what the page showed.
 * Connection resets from the demo (fault body "reset") reach the storefront as resets.
 */
export async function startRecordingProxy(apiBase: string): Promise<RecordingProxy> {
  const target = new URL(apiBase)
  const basePath = target.pathname.replace(/\/+$/, '')
  const requests: BackendRequest[] = []
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = req.url ?? '/'
    const recorded: BackendRequest = { method: req.method ?? 'GET', url: url.startsWith(basePath) ? url.slice(basePath.length) || '/' : url }
    requests.push(recorded)
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      if (chunks.length) recorded.body = Buffer.concat(chunks).toString('utf8')
    })
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.socket?.destroy())
    req.pipe(upstream)
  })
  server.keepAliveTimeout = 65_000
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    clear: () => {
      requests.length = 0
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
