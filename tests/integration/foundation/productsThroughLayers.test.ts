import { $fetch } from 'ofetch'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient } from '~/composables/core/api/createApiClient'
import { productService } from '~/services/productService'
import { createDemoMswServer } from '../../mocks/testing/mswServer'

// The service and transport layers against the demo backend's handlers in msw/node: what the page's store gets.
const demo = createDemoMswServer({ seedProducts: 300 })
const api = createApiClient({ fetch: $fetch, baseURL: demo.baseUrl })
const products = productService(api)

beforeAll(() => demo.server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => demo.backend.reset())
afterAll(() => demo.server.close())

describe('product list through service and transport', () => {
  it('maps the first page to domain products with integer money', async () => {
    const page = await products.list({})
    expect(page.items).toHaveLength(24)
    const first = page.items[0]!
    expect(Number.isInteger(first.price.amount)).toBe(true)
    expect(first.price.currency).toMatch(/^[A-Z]{3}$/)
    expect(first.title.length).toBeGreaterThan(0)
    expect(first.image.width).toBeGreaterThan(0)
    expect(page.nextCursor).toEqual(expect.any(String))
  })

  it('walks every page by cursor and sees each product once', async () => {
    const seen = new Set<number>()
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await products.list({ sort: 'price-asc' }, { cursor, pageSize: 50 })
      for (const item of page.items) {
        expect(seen.has(item.id), `product ${item.id} repeated`).toBe(false)
        seen.add(item.id)
      }
      cursor = page.nextCursor
      pages++
    } while (cursor && pages < 50)
    expect(seen.size).toBe(300)
    expect(pages).toBe(6)
  })

  it('turns an unknown cursor into a typed 404 error', async () => {
    await expect(products.list({}, { cursor: 'not-a-real-cursor' })).rejects.toMatchObject({ name: 'ApiError', status: 404 })
  })
})
