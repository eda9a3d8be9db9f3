import type { H3Event } from 'h3'
import { scrubString, scrubUrl } from '../../../utils/observability/scrub'
import { requestIdFor } from '../requestId'

/** What the log may say about the request a server error happened in: never its query, headers, cookies or body. */
export interface LoggedRequest {
  /** The id the response carried in `x-request-id` (and the backend calls, and a Sentry event's `request_id` tag). */
  id: string
  method: string
  /** The path without query or fragment, scrubbed like a URL in a monitoring event. */
  path: string
}

interface ErrorLike {
  name?: unknown
  message?: unknown
  stack?: unknown
  statusCode?: unknown
  status?: unknown
  unhandled?: unknown
  cause?: unknown
}

// Enough for any message worth reading; a response body pasted into an error does not flood the log.
const MAX_MESSAGE_CHARS = 2000

export function loggedRequest(event: H3Event): LoggedRequest {
  const [path = '/'] = (event.path || '/').split(/[?#]/, 1)
  return { id: requestIdFor(event), method: event.method, path: scrubUrl(path) }
}

/** The response status an error stands for: its statusCode (H3Error, Nuxt's createError), 500 for anything else. */
export function errorStatus(error: unknown): number {
  const { statusCode, status } = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike
  if (typeof statusCode === 'number') return statusCode
  return typeof status === 'number' ? status : 500
}

/** h3 wraps what a handler threw in an "unhandled" H3Error; the thrown error, its cause, is the one to describe. */
function describedError(error: unknown): ErrorLike {
  const like = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike
  return like.unhandled === true && like.cause instanceof Error ? like.cause : like
}

/**
 * The log line for a server error, or null for a 4xx (the client's mistake, not the operator's): status, method,
 * path, request id, the error's name and message, then its stack frames on indented lines. Scrubbed with the
 * monitoring scrubber (a FetchError's message names the URL it called, query and all); one line per frame at most,
 * so a message cannot forge log lines.
 */
export function serverErrorLine(error: unknown, request: LoggedRequest | undefined): string | null {
  const status = errorStatus(error)
  if (status < 500) return null
  const described = describedError(error)
  const name = typeof described.name === 'string' && described.name ? described.name : 'Error'
  const rawMessage = typeof described.message === 'string' ? described.message : ''
  const scrubbed = scrubString(rawMessage.replace(/\s*[\r\n]+\s*/g, ' '))
  const message = scrubbed.length > MAX_MESSAGE_CHARS ? `${scrubbed.slice(0, MAX_MESSAGE_CHARS)}…` : scrubbed
  // The stack repeats "Name: message" (possibly over several lines) before the frames; only the frames are added.
  const frames = typeof described.stack === 'string' ? described.stack.split('\n').filter(line => /^\s+at /.test(line)).map(line => `    ${scrubString(line.trim())}`) : []
  const where = request ? `${request.method} ${request.path} request_id=${request.id}` : '(outside a request)'
  return [`[server error] ${status} ${where} ${name}: ${message}`, ...frames].join('\n')
}
