/** Field errors as DRF returns them: field name -> messages; `non_field_errors` kept under its own key. */
export type FieldErrors = Record<string, string[]>

/** The serializable part of an ApiError: safe to keep in store state and the SSR payload. */
export interface ApiErrorData {
  /** HTTP status; 0 when no response arrived (network, timeout, abort, breaker open). */
  status: number
  /** Machine-readable code: the backend's `code`, or one of ours (network_error, timeout, aborted, circuit_open, bad_response). */
  code: string
  /** A sentence a shopper can read. */
  message: string
  fieldErrors: FieldErrors
  /** True when trying again later may succeed. */
  retryable: boolean
}

/** Every failure of the transport, whatever the body was, becomes one of these. */
export class ApiError extends Error implements ApiErrorData {
  readonly status: number
  readonly code: string
  readonly fieldErrors: FieldErrors
  readonly retryable: boolean
  /** Milliseconds the backend asked us to wait (Retry-After), if any. */
  readonly retryAfterMs: number | undefined
  /** The `x-request-id` of the response (set by the Nitro proxy), to match a report with server and backend logs. */
  readonly requestId: string | undefined

  constructor(data: ApiErrorData & { cause?: unknown, retryAfterMs?: number, requestId?: string }) {
    super(data.message, { cause: data.cause })
    this.name = 'ApiError'
    this.status = data.status
    this.code = data.code
    this.fieldErrors = data.fieldErrors
    this.retryable = data.retryable
    this.retryAfterMs = data.retryAfterMs
    this.requestId = data.requestId
  }

  toJSON(): ApiErrorData {
    return { status: this.status, code: this.code, message: this.message, fieldErrors: this.fieldErrors, retryable: this.retryable }
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}
