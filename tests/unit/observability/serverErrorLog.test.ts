import { createError } from 'h3'
import { describe, expect, it } from 'vitest'
import { errorStatus, serverErrorLine, type LoggedRequest } from '~/server/utils/observability/serverErrorLog'

const REQUEST: LoggedRequest = { id: 'req-1', method: 'GET', path: '/search' }

describe('serverErrorLine', () => {
  it('says status, method, path, request id, the error, then its frames', () => {
    const error = new TypeError('cannot read price')
    error.stack = 'TypeError: cannot read price\n    at price (file:///srv/chunks/build/price.mjs:3:7)\n    at render (file:///srv/chunks/build/page.mjs:9:1)'
    expect(serverErrorLine(error, REQUEST)).toBe([
      '[server error] 500 GET /search request_id=req-1 TypeError: cannot read price',
      '    at price (file:///srv/chunks/build/price.mjs:3:7)',
      '    at render (file:///srv/chunks/build/page.mjs:9:1)',
    ].join('\n'))
  })

  it('writes nothing for a 4xx: the client\'s mistake, not the operator\'s', () => {
    expect(serverErrorLine(createError({ statusCode: 404, statusMessage: 'Not Found' }), REQUEST)).toBeNull()
    expect(serverErrorLine(createError({ statusCode: 503, message: 'shutting down' }), REQUEST)).toMatch(/^\[server error\] 503 GET \/search /)
  })

  it('describes what a handler threw, not h3\'s wrapper around it', () => {
    const thrown = new RangeError('bad page size')
    const wrapped = Object.assign(createError(thrown), { unhandled: true })
    expect(serverErrorLine(wrapped, REQUEST)?.split('\n')[0]).toBe('[server error] 500 GET /search request_id=req-1 RangeError: bad page size')
    expect(errorStatus(wrapped)).toBe(500)
  })

  it('scrubs URLs, emails and tokens in the message and frames, and keeps the message on its line', () => {
    const error = new Error('[GET] "/api/products/?search=jane.doe@example.com+ada+lovelace": 500\n[server error] 200 GET / forged line')
    error.stack = `${error.message}\n    at load (http://localhost:4321/search?q=jane.doe%40example.com:1:9)`
    const line = serverErrorLine(error, REQUEST)!
    expect(line.split('\n')).toEqual([
      '[server error] 500 GET /search request_id=req-1 Error: [GET] "/api/products/?search=[Filtered]": 500 [server error] 200 GET / forged line',
      '    at load (http://localhost:4321/search?q=[Filtered]',
    ])
    expect(line).not.toMatch(/jane|lovelace/)
  })

  it('cuts a very long message after scrubbing it, and names errors outside a request', () => {
    // Cut first, the email would lose its domain and no longer be recognised: "xxx… jane…".
    const long = Object.assign(new Error(`${'x'.repeat(1995)} jane.doe@example.com`), { stack: undefined })
    const line = serverErrorLine(long, undefined)!
    expect(line).toBe(`[server error] 500 (outside a request) Error: ${'x'.repeat(1995)} [Fil…`)
    expect(serverErrorLine('a string was thrown', undefined)).toBe('[server error] 500 (outside a request) Error: a string was thrown')
  })
})
