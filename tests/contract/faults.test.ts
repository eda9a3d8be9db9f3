import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { FaultDto, StatsDto } from '../../services/dto'
import { expectDrfError } from './support/drfErrors'
import { assertSchema } from './support/schema'
import { contractTarget } from './support/target'

// Fault injection belongs to the demo backend; against a backend without /__faults/ this block does not run.
const target = await contractTarget()
const { client } = target
afterAll(() => target.close())

const stats = async () => (await client.call<StatsDto>('/__stats/')).body
const addFault = (fault: Record<string, unknown>) => client.call<FaultDto>('/__faults/', { method: 'POST', body: fault })

describe.runIf(target.hasDemoEndpoints)('demo fault injection and stats', () => {
  beforeEach(async () => {
    expect((await client.call('/__faults/', { method: 'DELETE' })).status).toBe(204)
  })

  it('DELETE /__faults/ resets /__stats/ to zero', async () => {
    await client.call('/categories/')
    await client.call('/__faults/', { method: 'DELETE' })
    expect(await stats()).toEqual({ total: 0, routes: {}, faulted: {}, recent: [] })
  })

  it('stats count requests per method and route template', async () => {
    await client.call('/products/?page_size=1')
    await client.call('/products/1/')
    await client.call('/products/2/')
    const body = await stats()
    assertSchema('Stats', body)
    expect(body.routes).toEqual({ 'GET /products/': 1, 'GET /products/{id}/': 2 })
    expect(body.total).toBe(3)
  })

  it('a 503 fault with count answers that many times, then the route recovers; stats see all of it', async () => {
    const created = await addFault({ path_pattern: '/products/', method: 'GET', status: 503, count: 2 })
    expect(created.status).toBe(201)
    assertSchema('Fault', created.body)
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await client.call('/products/?page_size=1')).status)
    expect(statuses).toEqual([503, 503, 200])
    expect(await stats()).toMatchObject({ total: 3, routes: { 'GET /products/': 3 }, faulted: { 'GET /products/': 2 } })
  })

  it('429 carries Retry-After and DRF\'s throttled body', async () => {
    await addFault({ path_pattern: '/categories/', status: 429, retry_after: 7 })
    const response = await client.call('/categories/')
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('7')
    expectDrfError(response.body, 'Request was throttled. Expected available in 7 seconds.', 'throttled')
  })

  it.each([
    [401, 'Authentication credentials were not provided.', 'not_authenticated'],
    [403, 'You do not have permission to perform this action.', 'permission_denied'],
    [404, 'Not found.', 'not_found'],
    [405, 'Method "GET" not allowed.', 'method_not_allowed'],
  ])('an injected %i answers DRF\'s stock body', async (status, detail, code) => {
    await addFault({ path_pattern: '/categories/', status, count: 1 })
    const response = await client.call('/categories/')
    expect(response.status).toBe(status)
    expectDrfError(response.body, detail, code)
  })

  it('html and garbage bodies are what a broken proxy would send', async () => {
    await addFault({ path_pattern: '/products/*', status: 502, body: 'html', count: 1 })
    await addFault({ path_pattern: '/categories/', status: 200, body: 'garbage', count: 1 })
    const html = await client.call('/products/5/')
    expect(html.status).toBe(502)
    expect(html.headers.get('content-type')).toMatch(/text\/html/)
    expect(html.text).toMatch(/<html/i)
    const garbage = await client.call('/categories/')
    expect(garbage.status).toBe(200)
    expect(garbage.headers.get('content-type')).toMatch(/json/)
    expect(() => JSON.parse(garbage.text)).toThrow()
  })

  it('an empty body answers nothing at all, and a reset drops the connection without an answer', async () => {
    await addFault({ path_pattern: '/categories/', status: 200, body: 'empty', count: 1 })
    await addFault({ path_pattern: '/products/5/', body: 'reset', count: 1 })
    const empty = await client.call('/categories/')
    expect(empty.status).toBe(200)
    expect(empty.text).toBe('')
    await expect(client.call('/products/5/')).rejects.toThrow()
    expect((await client.call('/products/5/')).status).toBe(200)
  })

  it('POST /__content/ puts test content into every field that shows it; /__reset/ takes it out', async () => {
    const payload = '<img src=x onerror=alert(1)>'
    const response = await client.call('/__content/', {
      method: 'POST',
      body: {
        products: [{ id: 3, title: payload, description_html: payload, image_url: 'javascript:alert(1)', review: { body: payload, author_name: payload }, attributes: { [payload]: payload } }],
        brands: [{ slug: (await client.call<{ brand: { slug: string } }>('/products/3/')).body.brand.slug, name: payload }],
        categories: [{ slug: 't-shirts', name: payload }],
      },
    })
    expect(response.status).toBe(204)
    const detail = (await client.call<Record<string, unknown>>('/products/3/')).body
    assertSchema('ProductDetail', detail)
    expect(detail).toMatchObject({ title: payload, description_html: payload, image: { url: 'javascript:alert(1)' }, brand: { name: payload }, attributes: { [payload]: payload } })
    const reviews = (await client.call<{ results: Array<Record<string, unknown>> }>('/products/3/reviews/')).body.results
    expect(reviews[0]).toMatchObject({ body: payload, author_name: payload })
    // One list, or (a backend paginating every list) pages: t-shirts, the second category, is on the first.
    type Category = { slug: string, name: string }
    const listed = (await client.call<Category[] | { results: Category[] }>('/categories/')).body
    const categories = Array.isArray(listed) ? listed : listed.results
    expect(categories.find(c => c.slug === 't-shirts')?.name).toBe(payload)
    expect((await client.call('/__content/', { method: 'POST', body: { products: [{ id: 0 }] } })).status).toBe(400)

    expect((await client.call('/__reset/', { method: 'POST' })).status).toBe(204)
    expect((await client.call<Record<string, unknown>>('/products/3/')).body.title).not.toBe(payload)
  })

  it('glob patterns match any characters after *, and only the given method', async () => {
    await addFault({ path_pattern: '/cart/*', method: 'POST', status: 500 })
    expect((await client.call('/cart/items/', { method: 'POST', body: { product_id: 1 } })).status).toBe(500)
    expect((await client.call('/cart/')).status).toBe(200)
  })

  it('latency only delays, then answers normally', async () => {
    await addFault({ path_pattern: '/shipping-methods/', latency_ms: 150, count: 1 })
    const started = performance.now()
    const response = await client.call('/shipping-methods/')
    expect(response.status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('GET /__faults/ lists active rules and DELETE clears them', async () => {
    await addFault({ path_pattern: '/orders/', status: 503 })
    expect((await client.call<FaultDto[]>('/__faults/')).body).toHaveLength(1)
    await client.call('/__faults/', { method: 'DELETE' })
    expect((await client.call<FaultDto[]>('/__faults/')).body).toEqual([])
    expect((await client.call('/shipping-methods/')).status).toBe(200)
  })

  it('an invalid rule is a field error', async () => {
    const response = await addFault({ status: 'soon' })
    expect(response.status).toBe(400)
    expect(response.body).toMatchObject({ path_pattern: expect.any(Array), status: expect.any(Array) })
  })
})
