import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { HttpResponse, http } from 'msw'
import type { CursorPageDto, ProductSummaryDto } from '../../../services/dto'
import { createDemoMswServer } from '../../mocks/testing/mswServer'

// The same handlers inside msw/node, as integration tests of the storefront use them.
const demo = createDemoMswServer({ seedProducts: 300 })

beforeAll(() => demo.server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  demo.server.resetHandlers()
  demo.backend.reset()
})
afterAll(() => demo.server.close())

describe('demo backend in msw/node', () => {
  it('answers the catalog with absolute URLs on the test origin', async () => {
    const response = await fetch(`${demo.baseUrl}/products/?page_size=2`)
    const page = await response.json() as CursorPageDto<ProductSummaryDto>
    expect(response.status).toBe(200)
    expect(page.results).toHaveLength(2)
    expect(page.next).toMatch(/^http:\/\/backend\.test\/api\/products\/\?page_size=2&cursor=/)
    expect(page.results[0]?.image.url).toBe(`http://backend.test/api/media/products/${page.results[0]?.id}.svg`)
  })

  it('lets a test override one route with server.use', async () => {
    demo.server.use(http.get(`${demo.baseUrl}/categories/`, () => HttpResponse.json([], { status: 200 })))
    expect(await (await fetch(`${demo.baseUrl}/categories/`)).json()).toEqual([])
    expect((await fetch(`${demo.baseUrl}/products/1/`)).status).toBe(200)
  })

  it('scripts faults in-process and counts requests', async () => {
    await fetch(`${demo.baseUrl}/__faults/`, { method: 'POST', body: JSON.stringify({ path_pattern: '/products/*', status: 503, count: 1 }) })
    expect((await fetch(`${demo.baseUrl}/products/1/`)).status).toBe(503)
    expect((await fetch(`${demo.baseUrl}/products/1/`)).status).toBe(200)
    expect(demo.backend.stats.snapshot()).toMatchObject({ total: 2, faulted: { 'GET /products/{id}/': 1 } })
  })

  it('records the request id and trace headers each counted request arrived with', async () => {
    const trace = '0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331'
    await fetch(`${demo.baseUrl}/products/1/`, { headers: { 'x-request-id': 'req-1', 'sentry-trace': trace, 'baggage': 'sentry-trace_id=0af7651916cd43dd8448eb211c80319c' } })
    await fetch(`${demo.baseUrl}/categories/`)
    await fetch(`${demo.baseUrl}/__health/`)
    expect(demo.backend.stats.snapshot().recent).toEqual([
      { route: 'GET /products/{id}/', request_id: 'req-1', sentry_trace: trace, baggage: 'sentry-trace_id=0af7651916cd43dd8448eb211c80319c' },
      { route: 'GET /categories/', request_id: null, sentry_trace: null, baggage: null },
    ])
  })

  it('reset() restores the seed (stock, users) between tests', async () => {
    const product = demo.backend.db.product(1)
    if (!product) throw new Error('seed has product 1')
    const seeded = product.stock
    product.stock = 0
    demo.backend.reset()
    expect(demo.backend.db.product(1)?.stock).toBe(seeded)
  })
})
