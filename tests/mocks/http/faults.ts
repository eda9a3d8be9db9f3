import type { FieldErrorsDto } from '../../../services/dto'
import { REQUIRED, validationError } from './responses'

// Scripted outages for dev and tests: POST /__faults/ adds a rule, the dispatcher consults it before routing.

export type FaultBody = 'json' | 'html' | 'garbage' | 'empty' | 'reset'

export interface Fault {
  id: number
  path_pattern: string
  method: string | null
  /** null: only add latency, then answer normally. */
  status: number | null
  /** Requests still to affect; null = until DELETE /__faults/. */
  remaining: number | null
  latency_ms: number
  retry_after: number | null
  body: FaultBody
  matched: number
}

/** Glob: `*` matches any run of characters (slashes included); everything else is literal; whole path. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)
}

function intField(value: unknown, field: string, min: number, max: number, errors: FieldErrorsDto): number | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'number' || !Number.isInteger(value)) errors[field] = ['A valid integer is required.']
  else if (value < min) errors[field] = [`Ensure this value is greater than or equal to ${min}.`]
  else if (value > max) errors[field] = [`Ensure this value is less than or equal to ${max}.`]
  else return value
  return null
}

export function parseFault(input: unknown, id: number): Fault & { pattern: RegExp } {
  const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>
  const errors: FieldErrorsDto = {}
  const pathPattern = body.path_pattern
  if (typeof pathPattern !== 'string' || !pathPattern.startsWith('/')) {
    errors.path_pattern = [pathPattern === undefined ? REQUIRED : 'Must be a path after the base, starting with "/".']
  }
  const method = body.method
  if (method !== undefined && method !== null && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) errors.method = ['Not a valid HTTP method.']
  const status = intField(body.status, 'status', 100, 599, errors)
  const count = intField(body.count, 'count', 1, 1_000_000, errors)
  const latency = intField(body.latency_ms, 'latency_ms', 0, 120_000, errors)
  const retryAfter = intField(body.retry_after, 'retry_after', 0, 86_400, errors)
  const kind = body.body ?? 'json'
  if (!['json', 'html', 'garbage', 'empty', 'reset'].includes(String(kind))) errors.body = [`"${String(kind)}" is not a valid choice.`]
  if (status === null && latency === null && kind !== 'reset' && !errors.status && !errors.latency_ms) errors.non_field_errors = ['Give a status, a latency_ms, or both.']
  if (Object.keys(errors).length) throw validationError(errors)
  return {
    id,
    path_pattern: pathPattern as string,
    method: typeof method === 'string' ? method.toUpperCase() : null,
    status,
    remaining: count,
    latency_ms: latency ?? 0,
    retry_after: retryAfter,
    body: kind as FaultBody,
    matched: 0,
    pattern: globToRegExp(pathPattern as string),
  }
}

// DRF's stock bodies (rest_framework/exceptions.py default_detail; a proxy's 5xx is usually the html body).
// No `code`: stock DRF sends none; a backend with the coded-errors profile adds it (http/errorCodes.ts).
const JSON_BODIES: Record<number, { detail: string }> = {
  400: { detail: 'Malformed request.' },
  401: { detail: 'Authentication credentials were not provided.' },
  403: { detail: 'You do not have permission to perform this action.' },
  404: { detail: 'Not found.' },
  500: { detail: 'A server error occurred.' },
  502: { detail: 'Bad gateway.' },
  503: { detail: 'Service temporarily unavailable, try again later.' },
  504: { detail: 'Gateway timeout.' },
}

/** DRF's Throttled: `Request was throttled. Expected available in N second(s).` with the same N in Retry-After. */
export function throttledDetail(waitS: number): string {
  return `Request was throttled. Expected available in ${waitS} second${waitS === 1 ? '' : 's'}.`
}

/** The scripted answer; `method` is the request's (DRF names it in a 405). */
export function faultResponse(fault: Fault, method = 'GET'): Response {
  const status = fault.status ?? 200
  // A connection reset: MSW's network error; the HTTP bridge destroys the socket (server/nodeServer.ts).
  if (fault.body === 'reset') return Response.error()
  const headers: Record<string, string> = {}
  const retryAfter = fault.retry_after ?? (status === 429 ? 1 : null)
  if (retryAfter !== null) headers['Retry-After'] = String(retryAfter)
  if (fault.body === 'html') {
    headers['Content-Type'] = 'text/html; charset=utf-8'
    const title = `${status} ${status >= 500 ? 'Bad Gateway' : 'Error'}`
    return new Response(`<!DOCTYPE html><html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>`, { status, headers })
  }
  headers['Content-Type'] = 'application/json'
  if (fault.body === 'empty') return new Response(null, { status, headers })
  if (fault.body === 'garbage') return new Response('{"results": [{"id": 1, "title": "Trunc', { status, headers })
  const body = status === 429
    ? { detail: throttledDetail(retryAfter ?? 1) }
    : status === 405
      ? { detail: `Method "${method}" not allowed.` }
      : JSON_BODIES[status] ?? { detail: `Injected fault ${status}.` }
  return new Response(JSON.stringify(body), { status, headers })
}

export function createFaultRegistry() {
  let faults: Array<Fault & { pattern: RegExp }> = []
  let nextId = 1
  return {
    add(input: unknown): Fault {
      const fault = parseFault(input, nextId++)
      faults.push(fault)
      return publicFault(fault)
    },
    list(): Fault[] {
      return faults.map(publicFault)
    },
    clear(): void {
      faults = []
    },
    /** The first active fault for this request, consuming one of its `count`. */
    take(method: string, path: string): Fault | null {
      const fault = faults.find(f => (f.method === null || f.method === method) && f.pattern.test(path))
      if (!fault) return null
      fault.matched += 1
      if (fault.remaining !== null) {
        fault.remaining -= 1
        if (fault.remaining <= 0) faults = faults.filter(f => f !== fault)
      }
      return publicFault(fault)
    },
  }
}

function publicFault({ pattern: _pattern, ...fault }: Fault & { pattern: RegExp }): Fault {
  return { ...fault }
}

export type FaultRegistry = ReturnType<typeof createFaultRegistry>

/** What the backend received with one request, for tests that follow a request id or a trace end to end. */
export interface ReceivedRequest {
  route: string
  request_id: string | null
  sentry_trace: string | null
  baggage: string | null
}

const RECENT_REQUESTS = 100

/** Requests per route template ("GET /products/{id}/"), as the backend saw them, and the last 100 requests' ids. */
export function createStats() {
  let routes: Record<string, number> = {}
  let faulted: Record<string, number> = {}
  let recent: ReceivedRequest[] = []
  let total = 0
  return {
    record(route: string, wasFaulted: boolean, headers?: Headers): void {
      total += 1
      routes[route] = (routes[route] ?? 0) + 1
      if (wasFaulted) faulted[route] = (faulted[route] ?? 0) + 1
      recent.push({ route, request_id: headers?.get('x-request-id') ?? null, sentry_trace: headers?.get('sentry-trace') ?? null, baggage: headers?.get('baggage') ?? null })
      if (recent.length > RECENT_REQUESTS) recent.shift()
    },
    snapshot() {
      return { total, routes: { ...routes }, faulted: { ...faulted }, recent: [...recent] }
    },
    reset(): void {
      routes = {}
      faulted = {}
      recent = []
      total = 0
    },
  }
}

export type Stats = ReturnType<typeof createStats>
