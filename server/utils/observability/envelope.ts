import { scrubEvent, scrubUrl } from '../../../utils/observability/scrub'

/**
 * Sentry envelopes (https://develop.sentry.dev/sdk/data-model/envelopes/): a JSON header line, then items, each a
 * JSON header line and a payload of `length` bytes (or up to the next newline when there is no length).
 */
export interface EnvelopeItem {
  header: Record<string, unknown>
  payload: Buffer
}

export interface Envelope {
  header: Record<string, unknown>
  items: EnvelopeItem[]
}

const NEWLINE = 0x0A

function parseJsonRecord(bytes: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : null
  }
  catch {
    return null
  }
}

function lineAt(body: Buffer, start: number): { line: Buffer, next: number } {
  const end = body.indexOf(NEWLINE, start)
  return end < 0 ? { line: body.subarray(start), next: body.length } : { line: body.subarray(start, end), next: end + 1 }
}

/** Null when the body is not an envelope (bad header line, bad item header, a length past the end). */
export function parseEnvelope(body: Buffer): Envelope | null {
  const first = lineAt(body, 0)
  const header = parseJsonRecord(first.line)
  if (!header) return null
  const items: EnvelopeItem[] = []
  let offset = first.next
  while (offset < body.length) {
    const headerLine = lineAt(body, offset)
    if (headerLine.line.length === 0) {
      offset = headerLine.next
      continue
    }
    const itemHeader = parseJsonRecord(headerLine.line)
    if (!itemHeader) return null
    const length = itemHeader.length
    if (typeof length === 'number') {
      if (!Number.isInteger(length) || length < 0 || headerLine.next + length > body.length) return null
      items.push({ header: itemHeader, payload: body.subarray(headerLine.next, headerLine.next + length) })
      offset = headerLine.next + length + (body[headerLine.next + length] === NEWLINE ? 1 : 0)
    }
    else {
      const payload = lineAt(body, headerLine.next)
      items.push({ header: itemHeader, payload: payload.line })
      offset = payload.next
    }
  }
  return { header, items }
}

export function serializeEnvelope(envelope: Envelope): Buffer {
  const parts: Buffer[] = [Buffer.from(JSON.stringify(envelope.header))]
  for (const item of envelope.items) {
    parts.push(Buffer.from(`\n${JSON.stringify({ ...item.header, length: item.payload.length })}\n`), item.payload)
  }
  return Buffer.concat(parts)
}

function scrubJsonItem(item: EnvelopeItem, scrub: (payload: Record<string, unknown>) => Record<string, unknown>): EnvelopeItem | null {
  const payload = parseJsonRecord(item.payload)
  return payload ? { header: item.header, payload: Buffer.from(JSON.stringify(scrub(payload))) } : null
}

function scrubSession(session: Record<string, unknown>): Record<string, unknown> {
  const { did: _did, ...rest } = session
  const attrs = typeof rest.attrs === 'object' && rest.attrs !== null ? { ...rest.attrs as Record<string, unknown> } : undefined
  if (attrs) delete attrs.ip_address
  return attrs ? { ...rest, attrs } : rest
}

/**
 * What the tunnel forwards, scrubbed again on the server (a stale or tampered browser bundle cannot leak through):
 * events and transactions through scrubEvent, sessions without user or address, client reports as they are.
 * Every other item type (attachments, replays, logs, profiles, feedback) is dropped: nothing here produces them.
 */
export function scrubEnvelope(envelope: Envelope): Envelope {
  const items: EnvelopeItem[] = []
  for (const item of envelope.items) {
    const type = item.header.type
    const kept = type === 'event' || type === 'transaction'
      ? scrubJsonItem(item, scrubEvent)
      : type === 'session' || type === 'sessions'
        ? scrubJsonItem(item, scrubSession)
        : type === 'client_report' ? item : null
    if (kept) items.push(kept)
  }
  const header = { ...envelope.header }
  const trace = header.trace
  if (typeof trace === 'object' && trace !== null) {
    const { transaction, ...rest } = trace as Record<string, unknown>
    header.trace = typeof transaction === 'string' ? { ...rest, transaction: scrubUrl(transaction) } : rest
  }
  return { header, items }
}
