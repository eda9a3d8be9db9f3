import { describe, expect, it } from 'vitest'
import { parseDsn, sameProject } from '~/server/utils/observability/dsn'
import { parseEnvelope, scrubEnvelope, serializeEnvelope } from '~/server/utils/observability/envelope'
import { sdkOptions, testFaultsEnabled } from '~/utils/observability/config'

const DSN = 'https://abc123@o1.ingest.example.com/42'

function envelope(...items: Array<[Record<string, unknown>, string]>): Buffer {
  const header = JSON.stringify({ event_id: 'e1', dsn: DSN, trace: { trace_id: 't1', transaction: '/search?q=coat' } })
  return Buffer.from([header, ...items.flatMap(([h, p]) => [JSON.stringify(h), p])].join('\n'))
}

describe('DSN', () => {
  it('gives the envelope endpoint, with a path prefix when there is one', () => {
    expect(parseDsn(DSN)).toEqual({ publicKey: 'abc123', projectId: '42', envelopeUrl: 'https://o1.ingest.example.com/api/42/envelope/' })
    expect(parseDsn('http://key@127.0.0.1:9000/sentry/7')?.envelopeUrl).toBe('http://127.0.0.1:9000/sentry/api/7/envelope/')
    expect(parseDsn('not a dsn')).toBeNull()
    expect(parseDsn('https://o1.ingest.example.com/42')).toBeNull()
  })

  it('recognises our project in an envelope header, and nobody else’s', () => {
    const ours = parseDsn(DSN)!
    expect(sameProject('https://abc123@other-host.example.com/42', ours)).toBe(true)
    expect(sameProject('https://abc123@o1.ingest.example.com/43', ours)).toBe(false)
    expect(sameProject(undefined, ours)).toBe(false)
  })
})

describe('envelopes through the tunnel', () => {
  it('parses items with and without length, including binary payloads', () => {
    const body = Buffer.concat([
      Buffer.from(`{"event_id":"e1"}\n{"type":"attachment","length":3}\n`),
      Buffer.from([0, 10, 255]),
      Buffer.from('\n{"type":"event"}\n{"message":"hi"}\n'),
    ])
    const parsed = parseEnvelope(body)
    expect(parsed?.items.map(item => item.header.type)).toEqual(['attachment', 'event'])
    expect([...parsed!.items[0]!.payload]).toEqual([0, 10, 255])
    expect(parsed?.items[1]?.payload.toString()).toBe('{"message":"hi"}')
    expect(parseEnvelope(Buffer.from('not json\n{}'))).toBeNull()
    expect(parseEnvelope(Buffer.from('{}\n{"type":"event","length":99}\n{}'))).toBeNull()
  })

  it('scrubs events again, strips sessions of user and address, drops item types we never send', () => {
    const body = envelope(
      [{ type: 'event' }, JSON.stringify({ message: 'for demo@example.com', user: { email: 'demo@example.com' }, request: { headers: { Cookie: 'sf_cart=abc' } } })],
      [{ type: 'session' }, JSON.stringify({ sid: 's1', did: 'demo@example.com', attrs: { release: 'r1', ip_address: '203.0.113.9' } })],
      [{ type: 'client_report' }, '{"discarded_events":[]}'],
      [{ type: 'replay_recording', length: 2 }, '{}'],
      [{ type: 'attachment', length: 2 }, 'ab'],
    )
    const out = scrubEnvelope(parseEnvelope(body)!)
    expect(out.items.map(item => item.header.type)).toEqual(['event', 'session', 'client_report'])
    expect(out.header.trace).toEqual({ trace_id: 't1', transaction: '/search?q=[Filtered]' })
    const text = serializeEnvelope(out).toString()
    expect(text).not.toContain('demo@example.com')
    expect(text).not.toContain('sf_cart=abc')
    expect(text).not.toContain('203.0.113.9')
    expect(parseEnvelope(serializeEnvelope(out))?.items.map(item => JSON.parse(item.payload.toString()))).toEqual([
      { message: 'for [Filtered]', request: { headers: {} } },
      { sid: 's1', attrs: { release: 'r1' } },
      { discarded_events: [] },
    ])
  })
})

describe('runtime config', () => {
  it('clamps sample rates and leaves tracing out at 0', () => {
    const base = { dsn: DSN, environment: '', release: '', testFaults: false }
    expect(sdkOptions({ ...base, sampleRate: '0.5', tracesSampleRate: 0 })).toEqual({ dsn: DSN, environment: undefined, release: undefined, sampleRate: 0.5, tracesSampleRate: undefined })
    expect(sdkOptions({ ...base, environment: 'staging', release: 'v1', sampleRate: 'x', tracesSampleRate: 3 })).toMatchObject({ environment: 'staging', release: 'v1', sampleRate: 1, tracesSampleRate: 1 })
  })

  it('enables the test fault pages only when asked for explicitly', () => {
    expect([true, 1, '1', 'true'].map(testFaults => testFaultsEnabled({ testFaults }))).toEqual([true, true, true, true])
    expect([false, 0, '', 'yes'].map(testFaults => testFaultsEnabled({ testFaults }))).toEqual([false, false, false, false])
  })
})
