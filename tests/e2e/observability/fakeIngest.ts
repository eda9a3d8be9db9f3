import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync, inflateSync } from 'node:zlib'

/** One envelope as the ingest received it: the raw text (for leak scans) and its decoded items. */
export interface ReceivedEnvelope {
  raw: string
  header: Record<string, unknown>
  items: Array<{ type: string, payload: unknown }>
}

/** The parts of a Sentry error event the tests read. */
export interface IngestedEvent {
  event_id: string
  level?: string
  tags?: Record<string, unknown>
  contexts?: { trace?: { trace_id?: string } }
  exception?: { values?: Array<{ type?: string, value?: string, mechanism?: { type?: string, handled?: boolean } }> }
  request?: { url?: string, headers?: Record<string, string> }
  breadcrumbs?: Array<{ category?: string, message?: string, data?: Record<string, unknown> }>
  fingerprint?: string[]
}

/** The parts of a Sentry transaction the tests read. */
export interface IngestedTransaction {
  transaction?: string
  contexts?: { trace?: { op?: string, data?: Record<string, unknown> } }
  spans?: Array<{ op?: string, description?: string, data?: Record<string, unknown> }>
}

export interface FakeIngest {
  /** A DSN pointing here: give it to the storefront as NUXT_PUBLIC_SENTRY_DSN. */
  dsn: string
  envelopes: ReceivedEnvelope[]
  /** Every error event received so far. */
  events(): IngestedEvent[]
  /** Every transaction (a trace's root and its spans) received so far. */
  transactions(): IngestedTransaction[]
  stop(): Promise<void>
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const body = Buffer.concat(chunks)
  const encoding = request.headers['content-encoding']
  return encoding === 'gzip' ? gunzipSync(body) : encoding === 'deflate' ? inflateSync(body) : body
}

/** Decodes an envelope independently of the code under test: header line, then item header + payload pairs. */
function decode(body: Buffer): ReceivedEnvelope {
  const text = body.toString('utf8')
  const lines = text.split('\n')
  const header = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>
  const items: ReceivedEnvelope['items'] = []
  for (let i = 1; i < lines.length; i += 2) {
    if (!lines[i]) continue
    const itemHeader = JSON.parse(lines[i]!) as { type: string }
    const payload = lines[i + 1] ?? ''
    items.push({ type: itemHeader.type, payload: payload.startsWith('{') ? JSON.parse(payload) as unknown : payload })
  }
  return { raw: text, header, items }
}

/** A local stand-in for Sentry's ingest (POST /api/<project>/envelope/), so no test reaches the internet. */
export async function startFakeIngest(): Promise<FakeIngest> {
  const envelopes: ReceivedEnvelope[] = []
  const server = createServer((request, response) => {
    if (request.method !== 'POST' || !/^\/api\/\d+\/envelope\/?(\?|$)/.test(request.url ?? '')) {
      response.writeHead(404).end()
      return
    }
    readBody(request).then((body) => {
      envelopes.push(decode(body))
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    }, () => response.writeHead(400).end())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    dsn: `http://e2epublickey@127.0.0.1:${port}/1`,
    envelopes,
    events: () => envelopes.flatMap(envelope => envelope.items.filter(item => item.type === 'event').map(item => item.payload as IngestedEvent)),
    transactions: () => envelopes.flatMap(envelope => envelope.items.filter(item => item.type === 'transaction').map(item => item.payload as IngestedTransaction)),
    stop: () => new Promise(resolve => server.close(() => resolve())),
  }
}
