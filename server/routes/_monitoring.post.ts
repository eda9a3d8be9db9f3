import { createError, defineEventHandler, getRequestHeader, getRequestURL, readRawBody, setResponseHeader, setResponseStatus } from 'h3'
import { useRuntimeConfig } from 'nitropack/runtime'
import { parseDsn, sameProject } from '../utils/observability/dsn'
import { parseEnvelope, scrubEnvelope, serializeEnvelope } from '../utils/observability/envelope'

const MAX_ENVELOPE_BYTES = 1024 * 1024
const UPSTREAM_TIMEOUT_MS = 5_000

/**
 * The browser SDK's tunnel (TUNNEL_PATH): envelopes from this origin, for our DSN only, scrubbed once more, then
 * forwarded to the Sentry project. Same-origin keeps the CSP at `connect-src 'self'`. 404 when monitoring is off.
 */
export default defineEventHandler(async (event) => {
  const { siteUrl, sentry } = useRuntimeConfig().public
  const dsn = sentry.dsn ? parseDsn(String(sentry.dsn)) : null
  if (!dsn) throw createError({ statusCode: 404, statusMessage: 'Not Found' })
  const origin = getRequestHeader(event, 'origin')
  if (origin && origin !== new URL(String(siteUrl)).origin && origin !== getRequestURL(event).origin) {
    throw createError({ statusCode: 403, statusMessage: 'Forbidden' })
  }
  const body = await readRawBody(event, false)
  if (!body || body.length > MAX_ENVELOPE_BYTES) throw createError({ statusCode: body ? 413 : 400, statusMessage: 'Bad envelope' })
  const envelope = parseEnvelope(Buffer.from(body))
  // An envelope names its DSN when sent through a tunnel; another project's is refused, so this is no open relay.
  if (!envelope || !sameProject(envelope.header.dsn, dsn)) throw createError({ statusCode: 400, statusMessage: 'Bad envelope' })
  const scrubbed = scrubEnvelope(envelope)
  if (scrubbed.items.length === 0) return ''

  const upstream = await fetch(dsn.envelopeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-sentry-envelope' },
    body: new Uint8Array(serializeEnvelope(scrubbed)),
    signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
  }).catch(() => null)
  if (!upstream) throw createError({ statusCode: 502, statusMessage: 'Monitoring unreachable' })
  // The SDK backs off on Sentry's rate limits: pass them on.
  for (const name of ['retry-after', 'x-sentry-rate-limits']) {
    const value = upstream.headers.get(name)
    if (value) setResponseHeader(event, name, value)
  }
  setResponseStatus(event, upstream.status)
  await upstream.body?.cancel()
  return ''
})
