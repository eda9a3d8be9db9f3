import { $fetch } from 'ofetch'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApiCore } from '~/composables/core/api/createApiCore'
import { searchService } from '~/services/searchService'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'

// The search service against the demo backend over HTTP, at its default 10,000 products.

let demo: RunningDemoApi
let service: ReturnType<typeof searchService>

interface Stats { routes: Record<string, number> }
const stats = () => $fetch<Stats>(`${demo.url}/__stats/`)

describe('searchService against the demo backend', () => {
  beforeAll(async () => {
    demo = await startDemoApi({ port: 0 })
    const { api } = createApiCore({ fetch: $fetch, baseURL: demo.url, locks: null, retry: { maxRetries: 0 } })
    service = searchService(api)
  })
  afterAll(async () => {
    await demo.close()
  })
  beforeEach(async () => {
    await $fetch(`${demo.url}/__faults/`, { method: 'DELETE' })
  })

  it('one suggestion round is one suggest and one 4-item preview request, and every product row has picture and price', async () => {
    const result = await service.suggest('wireless')
    const { routes } = await stats()
    expect(routes['GET /products/suggest/']).toBe(1)
    expect(routes['GET /products/']).toBe(1)

    const products = result.suggestions.filter(s => s.kind === 'product')
    expect(products).toHaveLength(4)
    for (const row of products) {
      expect(row.product?.image.url).toMatch(/^http/)
      expect(row.product?.price.amount).toBeGreaterThan(0)
      expect(row.text.toLowerCase()).toContain('wireless')
    }
    const queries = result.suggestions.filter(s => s.kind === 'query').map(s => s.text)
    expect(queries).toContain('wireless headphones')
  })

  it('passes one abort signal to both requests', async () => {
    const controller = new AbortController()
    await $fetch(`${demo.url}/__faults/`, { method: 'POST', body: { path_pattern: '/products/*', latency_ms: 2000 } })
    const pending = service.suggest('lamp', { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ code: 'aborted' })
  })
})
