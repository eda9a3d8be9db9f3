import type { ErrorDetailDto, FieldErrorsDto } from '../../../services/dto'

// Response helpers shaped like Django REST Framework's, so the storefront meets the real error bodies.

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'Content-Type': 'application/json', 'Vary': 'Accept, Authorization', ...headers },
  })
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers })
}

export function detail(status: number, message: string, code?: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  const body: ErrorDetailDto & Record<string, unknown> = code ? { detail: message, code, ...extra } : { detail: message, ...extra }
  return json(body, status, headers)
}

/** An error a handler throws; the dispatcher turns it into its response. */
export class HttpError extends Error {
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`)
  }
}

export function notFound(): HttpError {
  return new HttpError(detail(404, 'Not found.'))
}

export function validationError(errors: FieldErrorsDto): HttpError {
  return new HttpError(json(errors, 400))
}

export function notAuthenticated(): HttpError {
  return new HttpError(detail(401, 'Authentication credentials were not provided.', undefined, {}, { 'WWW-Authenticate': 'Bearer realm="api"' }))
}

export function methodNotAllowed(method: string, allowed: string[]): Response {
  return detail(405, `Method "${method}" not allowed.`, undefined, {}, { Allow: [...allowed, 'OPTIONS'].join(', ') })
}

export const REQUIRED = 'This field is required.'
