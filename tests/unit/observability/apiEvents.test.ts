import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ApiError } from '~/composables/core/api/ApiError'
import { apiErrorReport, breakerBreadcrumb, errorBreadcrumb, requestIdOf, responseBreadcrumb, retryBreadcrumb, routeTemplate, shouldReport } from '~/utils/observability/apiEvents'

function apiError(status: number, code: string, extra: { requestId?: string, cause?: unknown } = {}): ApiError {
  return new ApiError({ status, code, message: 'm', fieldErrors: {}, retryable: status >= 500, ...extra })
}

describe('routeTemplate', () => {
  it('turns every path of the backend contract back into its template', () => {
    const spec = parse(readFileSync('docs/openapi.yaml', 'utf8')) as { paths: Record<string, unknown> }
    const examples: Record<string, string> = { '{id}': '1234', '{product_id}': '77', '{file}': '12-2.svg' }
    for (const template of Object.keys(spec.paths)) {
      const path = template.replace(/\{\w+\}/g, name => examples[name] ?? '9')
      expect(routeTemplate(`${path}?cursor=abc&q=secret`), template).toBe(template.replace(/\{\w+\}/g, '{id}'))
    }
  })

  it('hides ids, slugs with numbers, UUIDs, emails and tokens in unknown paths', () => {
    expect(routeTemplate('/orders/3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c/')).toBe('/orders/{id}/')
    expect(routeTemplate('/users/demo@example.com/')).toBe('/users/{id}/')
    expect(routeTemplate('/reset/AbCdEfGhIjKlMnOpQrStUvWxYz/')).toBe('/reset/{id}/')
    expect(routeTemplate('/auth/session')).toBe('/auth/session')
  })
})

describe('breadcrumbs from the api hooks', () => {
  it('a response: method, template, status, request id, duration, attempt; never the query', () => {
    const crumb = responseBreadcrumb({ method: 'GET', path: '/products/12/?q=secret', baseURL: '/api', attempt: 2, status: 502, durationMs: 31, headers: new Headers({ 'x-request-id': 'req-9' }) })
    expect(crumb).toEqual({ type: 'http', category: 'api', level: 'error', data: { method: 'GET', url: '/api/products/{id}/', status_code: 502, duration_ms: 31, attempt: 2, request_id: 'req-9' } })
    expect(responseBreadcrumb({ method: 'POST', path: '/auth/login', baseURL: '/api', attempt: 1, status: 400, durationMs: 5, headers: new Headers() }).level).toBe('warning')
  })

  it('retries, breaker transitions and unreported failures', () => {
    expect(retryBreadcrumb({ method: 'GET', path: '/products/12/', attempt: 2, delayMs: 300, error: apiError(503, 'service_unavailable') }))
      .toMatchObject({ category: 'api.retry', message: 'GET /products/{id}/: retry 1 in 300 ms (service_unavailable)' })
    expect(breakerBreadcrumb({ baseURL: '/api', state: 'open' })).toMatchObject({ category: 'api.breaker', level: 'warning', message: 'circuit open for /api' })
    expect(errorBreadcrumb({ method: 'DELETE', path: '/cart/items/5/', baseURL: '/api', error: apiError(404, 'not_found', { requestId: 'req-4' }) }))
      .toEqual({ type: 'error', category: 'api.error', level: 'warning', data: { method: 'DELETE', url: '/api/cart/items/{id}/', status_code: 404, code: 'not_found', request_id: 'req-4' } })
  })
})

describe('which ApiErrors are events', () => {
  it.each([
    [502, 'bad_gateway', true], [500, 'error', true], [0, 'timeout', true], [200, 'bad_response', true],
    [404, 'not_found', false], [400, 'invalid', false], [401, 'session_expired', false], [429, 'throttled', false],
    [0, 'network_error', false], [0, 'aborted', false], [0, 'circuit_open', false],
  ])('%i %s -> %s', (status, code, reported) => {
    expect(shouldReport(apiError(status, code))).toBe(reported)
  })

  it('is grouped per endpoint and status, tagged with the request id (also of a wrapped error), without the message', () => {
    const error = apiError(502, 'bad_gateway', { requestId: 'req-502' })
    expect(apiErrorReport({ method: 'GET', path: '/products/12/reviews/?page=2', baseURL: '/api', error })).toEqual({
      tags: { 'api.method': 'GET', 'api.route': '/products/{id}/reviews/', 'api.status': 502, 'api.code': 'bad_gateway', 'request_id': 'req-502' },
      fingerprint: ['api-error', 'GET', '/products/{id}/reviews/', '502'],
      extra: { retryable: true },
    })
    expect(requestIdOf(apiError(401, 'session_expired', { cause: apiError(401, 'token_not_valid', { requestId: 'req-401' }) }))).toBe('req-401')
  })
})
