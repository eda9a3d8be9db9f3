import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { forwardSetCookies } from '~/composables/core/api/forwardSetCookies'
import type { ApiErrorContext, ApiResponseContext } from '~/composables/core/api/types'
import { API, makeCore, useMswServer } from './support'

const server = useMswServer()

describe('observability hooks', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('adds a trace header in one place, on every attempt', async () => {
    const traces: Array<string | null> = []
    let calls = 0
    server.use(http.get(`${API}/products/`, ({ request }) => {
      traces.push(request.headers.get('traceparent'))
      return ++calls === 1 ? HttpResponse.json({}, { status: 502 }) : HttpResponse.json({ ok: true })
    }))
    const { api } = makeCore()
    api.hooks.add({ onRequest: ({ headers, attempt }) => {
      headers.traceparent = `00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b${attempt}-01`
    } })
    vi.useFakeTimers()
    const done = api.get('/products/')
    await vi.runAllTimersAsync()
    await done
    expect(traces).toEqual([
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b1-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b2-01',
    ])
  })

  it('reports each response and the final error once, and stops reporting after unsubscribe', async () => {
    server.use(http.get(`${API}/missing/`, () => HttpResponse.json({ detail: 'Not found.' }, { status: 404 })))
    const responses: ApiResponseContext[] = []
    const errors: ApiErrorContext[] = []
    const { api } = makeCore()
    const unsubscribe = api.hooks.add({ onResponse: r => void responses.push(r), onError: e => void errors.push(e) })
    await api.get('/missing/').catch(() => undefined)
    expect(responses.map(r => [r.method, r.path, r.status, r.attempt])).toEqual([['GET', '/missing/', 404, 1]])
    expect(errors.map(e => [e.path, e.error.status])).toEqual([['/missing/', 404]])
    unsubscribe()
    await api.get('/missing/').catch(() => undefined)
    expect(responses).toHaveLength(1)
  })

  it('never lets a throwing hook break a request', async () => {
    server.use(http.get(`${API}/products/`, () => HttpResponse.json({ ok: true })))
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { api } = makeCore({ hooks: { onRequest: () => {
      throw new Error('tracing is broken')
    } } })
    await expect(api.get('/products/')).resolves.toEqual({ ok: true })
    expect(consoleError).toHaveBeenCalledOnce()
    consoleError.mockRestore()
  })
})

describe('SSR: forwarding the rotated refresh cookie', () => {
  it('appends every Set-Cookie of an /auth/ response as its own header, commas in Expires intact', async () => {
    const cookies = [
      'sf_refresh=r2; Path=/api/auth; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly; SameSite=Lax',
      'sf_session=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; SameSite=Lax',
    ]
    server.use(
      http.post(`${API}/auth/refresh`, () => {
        const headers = new Headers()
        for (const c of cookies) headers.append('set-cookie', c)
        return HttpResponse.json({ access: 'a1' }, { headers })
      }),
      http.get(`${API}/products/`, () => HttpResponse.json({ ok: true }, { headers: { 'set-cookie': 'tracking=1' } })),
    )
    const appended: string[] = []
    const { api, session } = makeCore({ hooks: forwardSetCookies(c => void appended.push(c)) })
    await expect(session.refresh()).resolves.toBe('a1')
    await api.get('/products/')
    expect(appended).toEqual(cookies)
  })
})
