import { FetchError } from 'ofetch'
import { ApiError, type FieldErrors } from './ApiError'

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The request was not accepted.',
  401: 'Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'We could not find that.',
  409: 'That conflicts with the current state. Please review and try again.',
  429: 'Too many requests. Please wait a moment and try again.',
  500: 'Something went wrong on our side. Please try again.',
  502: 'The shop is temporarily unreachable. Please try again.',
  503: 'The shop is temporarily unavailable. Please try again.',
  504: 'The shop took too long to answer. Please try again.',
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** DRF field errors: `{email: ["..."], non_field_errors: ["..."]}`; nested serializers are flattened with dots. */
export function extractFieldErrors(body: Record<string, unknown>, prefix = ''): FieldErrors {
  const out: FieldErrors = {}
  for (const [key, value] of Object.entries(body)) {
    if (!prefix && (key === 'detail' || key === 'code')) continue
    const name = prefix ? `${prefix}.${key}` : key
    if (Array.isArray(value) && value.every(v => typeof v === 'string')) out[name] = value as string[]
    else if (typeof value === 'string' && prefix) out[name] = [value]
    else if (isRecord(value)) Object.assign(out, extractFieldErrors(value, name))
  }
  return out
}

export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504 || status === 0
}

/** Turn any failure (FetchError with JSON/HTML/garbage body, network error, abort) into an ApiError. */
export function normalizeError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  if (error instanceof FetchError) {
    const status = error.response?.status ?? 0
    const body: unknown = error.data
    const fieldErrors = isRecord(body) ? extractFieldErrors(body) : {}
    const detail = isRecord(body) && typeof body.detail === 'string' ? body.detail : undefined
    const code = isRecord(body) && typeof body.code === 'string'
      ? body.code
      : status === 0 ? 'network_error' : `http_${status}`
    const firstField = Object.values(fieldErrors)[0]?.[0]
    const message = detail ?? (status >= 500 ? undefined : firstField) ?? STATUS_MESSAGES[status]
      ?? (status === 0 ? 'Could not reach the shop. Check your connection and try again.' : `Request failed (${status}).`)
    return new ApiError({
      status,
      code,
      message,
      fieldErrors,
      retryable: isRetryableStatus(status),
      retryAfterMs: parseRetryAfter(error.response?.headers.get('retry-after')),
      cause: error,
    })
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return new ApiError({ status: 0, code: 'aborted', message: 'The request was cancelled.', fieldErrors: {}, retryable: false, cause: error })
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new ApiError({ status: 0, code: 'timeout', message: 'The shop took too long to answer. Please try again.', fieldErrors: {}, retryable: true, cause: error })
  }
  return new ApiError({
    status: 0,
    code: 'network_error',
    message: 'Could not reach the shop. Check your connection and try again.',
    fieldErrors: {},
    retryable: true,
    cause: error,
  })
}
