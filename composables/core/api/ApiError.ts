import { MESSAGES } from './messages'

/** Field errors as DRF returns them: field name -> messages; `non_field_errors` kept under its own key. */
export type FieldErrors = Record<string, string[]>

/** Top-level scalar members of an error body besides `detail`/`code`, e.g. `available` on a 409 out-of-stock. */
export type ErrorExtras = Record<string, string | number | boolean | null>

/** The serializable part of an ApiError: safe to keep in store state and the SSR payload. */
export interface ApiErrorData {
  /** HTTP status; 0 when no response arrived (network, timeout, abort, breaker open). Decide on this. */
  status: number
  /**
   * The backend's `code` when it sent one (SimpleJWT's `token_not_valid`, the contract's `out_of_stock`), else
   * `http_<status>`; or one of ours when no response arrived (network_error, timeout, aborted, circuit_open,
   * bad_response, session_expired). DRF's own 401/403/404/405/429 bodies carry no code: branch on `status`.
   */
  code: string
  /** A sentence a shopper can read. */
  message: string
  fieldErrors: FieldErrors
  /** True when trying again later may succeed. */
  retryable: boolean
  /** Present only when the body had such members. */
  extras?: ErrorExtras
  /** Milliseconds the backend asked to wait (Retry-After); present only when it did. A page's 503 passes it on. */
  retryAfterMs?: number
}

/** Every failure of the transport, whatever the body was, becomes one of these. */
export class ApiError extends Error implements ApiErrorData {
  readonly status: number
  readonly code: string
  readonly fieldErrors: FieldErrors
  readonly retryable: boolean
  readonly extras: ErrorExtras | undefined
  /** Milliseconds the backend asked us to wait (Retry-After), if any. */
  readonly retryAfterMs: number | undefined
  /** The `x-request-id` of the response (set by the Nitro proxy), to match a report with server and backend logs. */
  readonly requestId: string | undefined
  /**
   * The parsed JSON body, for the service that owns the endpoint to read facts the status alone does not give
   * (a 409's `lines`, or the order a replayed request carries). Never serialized: it stays out of state and payloads.
   */
  readonly body: unknown

  constructor(data: ApiErrorData & { cause?: unknown, retryAfterMs?: number, requestId?: string, body?: unknown }) {
    super(data.message, { cause: data.cause })
    this.name = 'ApiError'
    this.status = data.status
    this.code = data.code
    this.fieldErrors = data.fieldErrors
    this.retryable = data.retryable
    this.extras = data.extras && Object.keys(data.extras).length > 0 ? data.extras : undefined
    this.retryAfterMs = data.retryAfterMs
    this.requestId = data.requestId
    this.body = data.body
  }

  toJSON(): ApiErrorData {
    const data: ApiErrorData = { status: this.status, code: this.code, message: this.message, fieldErrors: this.fieldErrors, retryable: this.retryable }
    if (this.extras) data.extras = this.extras
    if (this.retryAfterMs !== undefined) data.retryAfterMs = this.retryAfterMs
    return data
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}

/**
 * Any failure as plain data for state and the SSR payload: an ApiError as it is, anything else as a generic one.
 * (Here rather than in a module of its own: seven of the eight page kinds keep errors as data, and a chunk of ~120
 * bytes costs them more than it weighs in the entry, issue 21.)
 */
export function toApiErrorData(error: unknown): ApiErrorData {
  if (isApiError(error)) return error.toJSON()
  return { status: 0, code: 'unknown', message: MESSAGES.unknown, fieldErrors: {}, retryable: true }
}
