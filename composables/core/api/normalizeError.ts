import { FetchError } from 'ofetch'
import { ApiError, type ErrorExtras, type FieldErrors } from './ApiError'
import { isFrameworkDetail } from './frameworkDetails'
import { MESSAGES, throttledMessage } from './messages'
import type { AbortCause } from './signals'

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The request was not accepted.',
  401: 'Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'We could not find that.',
  405: 'That action is not available here. Please reload the page and try again.',
  409: 'That conflicts with the current state. Please review and try again.',
  500: 'Something went wrong on our side. Please try again.',
  502: 'The shop is temporarily unreachable. Please try again.',
  503: 'The shop is temporarily unavailable. Please try again.',
  504: 'The shop took too long to answer. Please try again.',
}

/** Backend `detail` strings are shown to shoppers; a runaway one (a stack trace in JSON) is cut. */
const MAX_DETAIL_LENGTH = 300

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every(v => typeof v === 'string')
}

/**
 * DRF field errors: `{email: ["..."], non_field_errors: ["..."]}`; nested serializers are flattened with dots, and
 * a list serializer's (`many=True`: one object per item, `{}` for a valid one) with the item's index:
 * `{items: [{}, {quantity: ["..."]}]}` -> `items.1.quantity`.
 */
export function extractFieldErrors(body: Record<string, unknown>, prefix = '', bare = false): FieldErrors {
  const out: FieldErrors = {}
  for (const [key, value] of Object.entries(body)) {
    if (!prefix && (key === 'detail' || key === 'code')) continue
    const name = prefix ? `${prefix}.${key}` : key
    if (isStringArray(value)) out[name] = value
    // A view's own ValidationError({"quantity": "..."}) is not wrapped in lists the way a serializer's is.
    else if (typeof value === 'string' && (prefix || bare)) out[name] = [value]
    else if (isRecord(value)) Object.assign(out, extractFieldErrors(value, name))
    else if (Array.isArray(value)) value.forEach((item, index) => isRecord(item) && Object.assign(out, extractFieldErrors(item, `${name}.${index}`)))
  }
  return out
}


/** Retry-After is seconds or an HTTP date; returns milliseconds from `now`, never negative. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header?.trim()) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** True when the same request may succeed later: throttling, gateway trouble, or no answer at all. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504 || status === 0
}

/**
 * Bodies arrive as text (the core asks ofetch for text so a broken body can never throw while parsing).
 * JSON is parsed here; HTML, garbage and empty bodies stay undefined and the status decides the message.
 */
export function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  const text = data.trim()
  if (!text || (text[0] !== '{' && text[0] !== '[')) return undefined
  try {
    return JSON.parse(text) as unknown
  }
  catch {
    return undefined
  }
}

/** What the status alone says; a 429 says how long to wait when Retry-After told us. */
function statusMessage(status: number, retryAfterMs: number | undefined): string {
  if (status === 429) return throttledMessage(retryAfterMs)
  return STATUS_MESSAGES[status] ?? (status >= 500 ? STATUS_MESSAGES[500]! : `The request failed (${status}).`)
}

/**
 * Field errors of a GET are about the link's query parameters (django-filter answers `{"brand": ["Select a valid
 * choice. x is not one of the available choices."]}` to a stale brand slug), and no form highlights them: say which
 * one, in DRF's own words, which are written for end users.
 */
function linkMessage(fieldErrors: FieldErrors): string {
  const [name, messages] = Object.entries(fieldErrors)[0]!
  return `The shop did not accept this link's ${name.replace(/_/g, ' ')}: ${messages[0]}`.slice(0, MAX_DETAIL_LENGTH)
}

/**
 * The backend's own sentence when it wrote one; DRF's stock sentences (no code, written for developers) and
 * bodies without a sentence get the status's message instead.
 */
function readableMessage(status: number, body: unknown, fieldErrors: FieldErrors, retryAfterMs: number | undefined, isRead: boolean): string {
  // A string, or a list of them when a serializer's validate() raised ValidationError({"detail": ...}): DRF wraps
  // every value in a list there.
  const raw = isRecord(body) ? body.detail : undefined
  const detail = (typeof raw === 'string' ? raw : isStringArray(raw) ? raw[0]! : '').trim()
  if (detail) return isFrameworkDetail(detail) ? statusMessage(status, retryAfterMs) : detail.slice(0, MAX_DETAIL_LENGTH)
  if (isStringArray(body)) return body[0]!.slice(0, MAX_DETAIL_LENGTH)
  const nonField = fieldErrors.non_field_errors?.[0]
  if (nonField) return nonField
  if (status < 500 && Object.keys(fieldErrors).length > 0) return isRead ? linkMessage(fieldErrors) : MESSAGES.fields
  return statusMessage(status, retryAfterMs)
}

/** Scalar members next to `detail` (e.g. `available`): facts a screen may use; field errors are lists, not these. */
function extrasOf(body: Record<string, unknown>): ErrorExtras {
  const extras: ErrorExtras = {}
  for (const [key, value] of Object.entries(body)) {
    if (key === 'detail' || key === 'code') continue
    if (value === null || typeof value === 'number' || typeof value === 'boolean') extras[key] = value
    else if (typeof value === 'string' && value.length <= MAX_DETAIL_LENGTH) extras[key] = value
  }
  return extras
}

/**
 * An error for an HTTP response, whatever its body was. Everything that decides is the status and Retry-After.
 * `method` only words the message: a read's field errors name query parameters, a write's name form fields.
 */
export function errorFromResponse(status: number, data: unknown, headers: Headers | undefined, cause?: unknown, method = 'POST'): ApiError {
  const body = parseBody(data)
  const fieldErrors = isRecord(body) ? extractFieldErrors(body, '', status === 400) : {}
  // Kept for logs and the few codes the contract defines itself; DRF's own errors send none.
  const code = isRecord(body) && typeof body.code === 'string' && body.code ? body.code : `http_${status}`
  const retryAfterMs = parseRetryAfter(headers?.get('retry-after'))
  return new ApiError({
    status,
    code,
    message: readableMessage(status, body, fieldErrors, retryAfterMs, /^(GET|HEAD)$/i.test(method)),
    fieldErrors,
    retryable: isRetryableStatus(status),
    extras: isRecord(body) ? extrasOf(body) : undefined,
    retryAfterMs,
    requestId: headers?.get('x-request-id') || undefined,
    body,
    cause,
  })
}

/** A 2xx whose body is not JSON (an HTML error page behind a misrouted proxy, a truncated answer). */
export function badResponseError(status: number, cause?: unknown): ApiError {
  return new ApiError({ status, code: 'bad_response', message: MESSAGES.badResponse, fieldErrors: {}, retryable: false, cause })
}

export function abortError(cause: AbortCause, error?: unknown): ApiError {
  return cause === 'aborted'
    ? new ApiError({ status: 0, code: 'aborted', message: MESSAGES.aborted, fieldErrors: {}, retryable: false, cause: error })
    : new ApiError({ status: 0, code: 'timeout', message: MESSAGES.timeout, fieldErrors: {}, retryable: true, cause: error })
}

function errorName(error: unknown): string | undefined {
  if (!(error instanceof Error) && !(typeof DOMException !== 'undefined' && error instanceof DOMException)) return undefined
  const cause = (error as Error).cause
  return (error as Error).name === 'FetchError' && cause instanceof Error ? cause.name : (error as Error).name
}

/**
 * Turn any failure (FetchError with a JSON/HTML/garbage/empty body, network error, abort, timeout) into an ApiError.
 * `abortCause` says which of our signals fired, which the error itself cannot tell reliably.
 */
export function normalizeError(error: unknown, abortCause?: AbortCause): ApiError {
  if (error instanceof ApiError) return error
  if (abortCause) return abortError(abortCause, error)
  if (error instanceof FetchError && error.response) {
    return errorFromResponse(error.response.status, error.data, error.response.headers, error, error.options?.method ?? 'GET')
  }
  const name = errorName(error)
  if (name === 'AbortError') return abortError('aborted', error)
  if (name === 'TimeoutError') return abortError('timeout', error)
  return new ApiError({ status: 0, code: 'network_error', message: MESSAGES.network, fieldErrors: {}, retryable: true, cause: error })
}
