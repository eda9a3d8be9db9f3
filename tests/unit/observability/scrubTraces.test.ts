import { describe, expect, it } from 'vitest'
import { parseEnvelope, scrubEnvelope, serializeEnvelope } from '~/server/utils/observability/envelope'
import { FILTERED, scrubBreadcrumb, scrubEvent, scrubString, scrubUrl } from '~/utils/observability/scrub'

// What the SDKs put in traces with tracing on (NUXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE > 0), in the shapes they send
// them: the server's http.server transaction and its backend-call spans (@sentry/node 10, OpenTelemetry attribute
// names), and the browser's navigation transaction (@sentry/vue router tracing). Nothing a shopper typed may remain.

const SEARCHED = ['jane.doe', 'lovelace', 'hopper', 'baker']
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'

function leftovers(value: unknown): string[] {
  const json = JSON.stringify(value)
  return SEARCHED.filter(word => json.toLowerCase().includes(word))
}

const serverTransaction = {
  type: 'transaction',
  transaction: 'GET /search',
  request: { method: 'GET', url: 'http://localhost:4321/search?q=jane.doe%40example.com+ada+lovelace', query_string: 'q=jane.doe%40example.com+ada+lovelace' },
  contexts: {
    trace: {
      trace_id: '12be629d793c493bb33116dbeee7031f',
      span_id: '81efc76ce4890180',
      op: 'http.server',
      data: {
        'sentry.op': 'http.server',
        'url.full': 'http://localhost:4321/search?q=jane.doe%40example.com+ada+lovelace',
        'url.path': '/search',
        'http.url': 'http://localhost:4321/search?q=jane.doe%40example.com+ada+lovelace',
        'http.target': '/search?q=jane.doe%40example.com+ada+lovelace',
        'http.query': 'q=jane.doe%40example.com+ada+lovelace',
        'http.fragment': 'jane.doe',
        'url': 'http://localhost:4321/search',
        'http.method': 'GET',
        'http.request.header.accept': '*/*',
        'http.request.header.user_agent': 'curl/7.88.1',
        'http.request.header.referer': 'http://localhost:4321/search?q=grace+hopper',
        'http.request.header.cookie': 'sf_refresh=r123',
        'http.request.header.x_forwarded_for': '203.0.113.9',
        'net.peer.ip': '203.0.113.9',
        'http.response.status_code': 503,
      },
    },
  },
  spans: [{
    description: 'GET http://127.0.0.1:4322/api/products/?search=jane.doe@example.com+ada+lovelace&page_size=24',
    op: 'http.client',
    data: {
      'url.full': 'http://127.0.0.1:4322/api/products/?search=jane.doe@example.com+ada+lovelace&page_size=24',
      'url.path': '/api/products/',
      'url.query': '?search=jane.doe@example.com+ada+lovelace&page_size=24',
      'http.query': 'search=jane.doe@example.com+ada+lovelace&page_size=24',
      'http.response.status_code': 500,
    },
  }],
}

const browserNavigation = {
  type: 'transaction',
  transaction: '/search',
  request: { url: 'http://localhost:4321/search?q=grace+hopper+221b+baker+street' },
  contexts: {
    trace: {
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      span_id: 'b7ad6b7169203331',
      op: 'navigation',
      data: {
        'sentry.op': 'navigation',
        'sentry.source': 'route',
        'url.template': '/search',
        'navigation.route.id': 'search',
        'query.q': 'grace hopper 221b baker street',
        'query.sort': ['price', 'hopper'],
        'params.product': '12-jane.doe',
        'url.path.parameter.product': '12-jane.doe',
      },
    },
  },
  spans: [
    { description: '/search?q=grace+hopper+221b+baker+street', op: 'navigation', data: { 'query.q': 'grace hopper 221b baker street' } },
    // A long task in an inline script: its source is the page itself.
    { description: 'Main UI thread blocked', op: 'ui.long-animation-frame', data: { 'code.filepath': 'http://localhost:4321/search?q=grace+hopper', 'browser.web_vital.lcp.url': 'http://localhost:4321/img?for=hopper' } },
  ],
  breadcrumbs: [{ category: 'navigation', data: { 'from': '/search', 'to': '/search', 'http.query': 'q=grace+hopper', 'url.query': '?q=grace+hopper', 'query': { q: 'grace hopper' } } }],
}

describe('traces: query values in span data, contexts, descriptions and breadcrumbs', () => {
  it('filters the server transaction\'s query in every attribute that holds one, with or without "?"', () => {
    const data = (scrubEvent(serverTransaction) as typeof serverTransaction).contexts.trace.data
    expect(data['http.query']).toBe(`q=${FILTERED}`)
    expect(data['http.target']).toBe(`/search?q=${FILTERED}`)
    expect(data['url.full']).toBe(`http://localhost:4321/search?q=${FILTERED}`)
    expect(data['http.url']).toBe(`http://localhost:4321/search?q=${FILTERED}`)
    expect(data['http.fragment']).toBe(FILTERED)
    expect(data['url.path']).toBe('/search')
    expect(data.url).toBe('http://localhost:4321/search')
  })

  it('keeps harmless request headers, drops the rest, and filters addresses', () => {
    const data = (scrubEvent(serverTransaction) as typeof serverTransaction).contexts.trace.data
    expect(data['http.request.header.accept']).toBe('*/*')
    expect(data['http.request.header.user_agent']).toBe('curl/7.88.1')
    expect(data['http.request.header.referer']).toBe(`http://localhost:4321/search?q=${FILTERED}`)
    expect(data).not.toHaveProperty('http.request.header.cookie')
    expect(data).not.toHaveProperty('http.request.header.x_forwarded_for')
    expect(data['net.peer.ip']).toBe(FILTERED)
    expect(data['http.response.status_code']).toBe(503)
  })

  it('filters the whole query of backend-call spans, also when a value starts with an email', () => {
    const [span] = (scrubEvent(serverTransaction) as typeof serverTransaction).spans
    expect(span?.description).toBe(`GET http://127.0.0.1:4322/api/products/?search=${FILTERED}&page_size=${FILTERED}`)
    expect(span?.data['url.query']).toBe(`?search=${FILTERED}&page_size=${FILTERED}`)
    expect(span?.data['http.query']).toBe(`search=${FILTERED}&page_size=${FILTERED}`)
    expect(span?.data['url.full']).toBe(`http://127.0.0.1:4322/api/products/?search=${FILTERED}&page_size=${FILTERED}`)
    expect(leftovers(scrubEvent(serverTransaction))).toEqual([])
  })

  it('filters the browser router\'s query.* and params.* attributes and keeps the route template', () => {
    const scrubbed = scrubEvent(browserNavigation) as typeof browserNavigation
    expect(scrubbed.contexts.trace.data).toEqual({
      'sentry.op': 'navigation',
      'sentry.source': 'route',
      'url.template': '/search',
      'navigation.route.id': 'search',
      'query.q': FILTERED,
      'query.sort': FILTERED,
      'params.product': FILTERED,
      'url.path.parameter.product': FILTERED,
    })
    expect(scrubbed.spans).toEqual([
      { description: `/search?q=${FILTERED}`, op: 'navigation', data: { 'query.q': FILTERED } },
      { description: 'Main UI thread blocked', op: 'ui.long-animation-frame', data: { 'code.filepath': `http://localhost:4321/search?q=${FILTERED}`, 'browser.web_vital.lcp.url': `http://localhost:4321/img?for=${FILTERED}` } },
    ])
    expect(scrubbed.breadcrumbs[0]?.data).toEqual({ 'from': '/search', 'to': '/search', 'http.query': `q=${FILTERED}`, 'url.query': `?q=${FILTERED}`, 'query': { q: FILTERED } })
    expect(leftovers(scrubbed)).toEqual([])
  })

  it('is what beforeBreadcrumb does too', () => {
    expect(scrubBreadcrumb({ category: 'http', data: { 'http.query': 'q=ada+lovelace', 'query.q': 'ada lovelace' } }))
      .toEqual({ category: 'http', data: { 'http.query': `q=${FILTERED}`, 'query.q': FILTERED } })
  })

  it('scrubs the browser transaction again in the tunnel', () => {
    const body = Buffer.from([
      JSON.stringify({ event_id: 'e1', trace: { trace_id: 't1', transaction: '/search' } }),
      JSON.stringify({ type: 'transaction' }),
      JSON.stringify(browserNavigation),
    ].join('\n'))
    const forwarded = serializeEnvelope(scrubEnvelope(parseEnvelope(body)!)).toString()
    expect(leftovers(forwarded)).toEqual([])
    expect(forwarded).toContain('"url.template":"/search"')
  })
})

describe('a query value that starts with an email, a phone number or a token is filtered whole', () => {
  it.each([
    ['an email then words', '/api/products/?search=jane.doe@example.com+ada+lovelace&page_size=24', `/api/products/?search=${FILTERED}&page_size=${FILTERED}`],
    ['an email then words, in a FetchError message', '[GET] "/api/products/?search=jane.doe@example.com+ada+lovelace": 500', `[GET] "/api/products/?search=${FILTERED}": 500`],
    ['a phone number then words', '/search?q=+44-20-7946-0958+baker+street', `/search?q=${FILTERED}`],
    ['a payment token then words', '/search?q=tok_visa4242+lovelace', `/search?q=${FILTERED}`],
    ['a JWT then more', `/auth/reset?token=${JWT}~lovelace`, `/auth/reset?token=${FILTERED}`],
    ['a secret-named cookie whose value starts with a JWT', `sf_refresh=${JWT}.lovelace; path=/`, `sf_refresh=${FILTERED}; path=/`],
    ['a secret-named JSON field whose value starts with a JWT', `{"access": "${JWT}~lovelace"}`, `{"access": "${FILTERED}"}`],
  ])('%s', (_, input, expected) => {
    expect(scrubString(input)).toBe(expected)
    // Idempotent: the browser, the server and the tunnel may each scrub the same text.
    expect(scrubString(scrubString(input))).toBe(expected)
  })

  it('scrubUrl filters a value whole as well', () => {
    expect(scrubUrl('http://localhost:4321/search?q=jane.doe@example.com+ada+lovelace')).toBe(`http://localhost:4321/search?q=${FILTERED}`)
  })
})

describe('stack frames: file names, paths and modules carry no query', () => {
  // An inline <script> of the page (the early-tap replay of server/utils/html/beforeHydration.ts) is named after
  // the page's URL, query included.
  const pageUrl = 'http://localhost:4321/search?q=jane.doe%40example.com+ada+lovelace#results'
  const frame = { filename: pageUrl, abs_path: pageUrl, module: 'search?q=jane.doe%40example.com+ada+lovelace', function: 'replay', lineno: 1, colno: 200, in_app: true, vars: { q: 'lovelace' } }
  const event = {
    exception: { values: [{ type: 'Error', value: 'handler failed', stacktrace: { frames: [frame, { filename: '/srv/.output/server/chunks/build/search.mjs', module: 'chunks.build:search', function: 'setup' }] } }] },
    threads: { values: [{ stacktrace: { frames: [frame] } }] },
  }

  it('runs the URL scrubber on filename, abs_path and module of every frame, and drops vars', () => {
    const scrubbed = scrubEvent(event) as typeof event
    const expected = { filename: `http://localhost:4321/search?q=${FILTERED}`, abs_path: `http://localhost:4321/search?q=${FILTERED}`, module: `search?q=${FILTERED}`, function: 'replay', lineno: 1, colno: 200, in_app: true }
    expect(scrubbed.exception.values[0]?.stacktrace.frames).toEqual([expected, { filename: '/srv/.output/server/chunks/build/search.mjs', module: 'chunks.build:search', function: 'setup' }])
    expect(scrubbed.threads.values[0]?.stacktrace.frames).toEqual([expected])
    expect(leftovers(scrubbed)).toEqual([])
  })

  it('does so in the tunnel too', () => {
    const body = Buffer.from([JSON.stringify({ event_id: 'e1' }), JSON.stringify({ type: 'event' }), JSON.stringify(event)].join('\n'))
    expect(leftovers(serializeEnvelope(scrubEnvelope(parseEnvelope(body)!)).toString())).toEqual([])
  })
})
