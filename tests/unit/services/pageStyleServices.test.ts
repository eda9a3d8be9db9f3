import { describe, expect, it } from 'vitest'
import { orderService } from '~/services/orderService'
import { productService } from '~/services/productService'
import { wishlistService } from '~/services/wishlistService'
import { createFakeApi } from '../../support/fakeApi'

// Each paged list's service, given the next page of a backend paging by number or by offset: it asks its own
// endpoint with that page's query and its own filters, and reads the page after from `next`.

const NEXT_PAGE = { count: 99, next: 'http://internal:8000/api/x/?page=4&page_size=24', previous: null, results: [] }

describe('paged services under every DRF pagination style', () => {
  it.each([
    ['page=3', { page: '3' }],
    ['limit=24&offset=48', { limit: '24', offset: '48' }],
    ['cD0yMDI0', { cursor: 'cD0yMDI0' }],
  ])('the products, reviews, orders and wishlist ask their own endpoint for page %s', async (cursor, sent) => {
    const fake = createFakeApi()
    for (const path of ['/products/', '/products/7/reviews/', '/orders/', '/wishlist/']) fake.on('GET', path, NEXT_PAGE)
    const pages = await Promise.all([
      productService(fake.api).list({ inStock: true }, { cursor, pageSize: 24 }),
      productService(fake.api).reviews(7, { cursor, pageSize: 5 }),
      orderService(fake.api).list({ cursor, pageSize: 10 }),
      wishlistService(fake.api).list({ cursor, pageSize: 10 }),
    ])
    const queries = fake.calls.map(call => Object.fromEntries(Object.entries(call.query).filter(([, value]) => value !== undefined)))
    expect(queries[0]).toEqual({ in_stock: 'true', ...sent, page_size: 24 })
    expect(queries.slice(1)).toEqual([{ ...sent, page_size: 5 }, { ...sent, page_size: 10 }, { ...sent, page_size: 10 }])
    expect(pages.map(page => page.nextCursor)).toEqual(['page=4', 'page=4', 'page=4', 'page=4'])
  })
})
