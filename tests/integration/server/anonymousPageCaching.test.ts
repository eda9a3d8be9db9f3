import { describe, expect, it } from 'vitest'
import { categoryPath, productPath } from '~/utils/routes/paths'
import { useBuiltStack } from './support/builtStack'

// What a shared cache in front (a CDN with a default TTL) is told about every page an anonymous shopper can ask for.
// A response without Cache-Control is one such a cache may keep for its default time: search results for hours.

const SHARED = 'public, max-age=0, must-revalidate'
const UNCACHED = 'private, no-store'
const stack = useBuiltStack({ seedProducts: 60 })

async function caching(path: string): Promise<{ status: number, cacheControl: string | null, cdn: string | null }> {
  const response = await fetch(`${stack.web.url}${path}`, { redirect: 'manual' })
  await response.arrayBuffer()
  return { status: response.status, cacheControl: response.headers.get('cache-control'), cdn: response.headers.get('cdn-cache-control') }
}

describe('Cache-Control on anonymous pages', () => {
  it('shares the catalog pages the page cache keeps', async () => {
    const product = stack.api.backend.db.products[0]!
    const category = stack.api.backend.db.categories[0]!
    for (const path of ['/', '/products', '/categories', productPath(product), categoryPath(category.slug)]) {
      const { status, cacheControl } = await caching(path)
      expect([path, status, cacheControl]).toEqual([path, 200, SHARED])
    }
  })

  it('tells shared caches not to keep any page the page cache does not keep: search, personal pages, 404s, redirects', async () => {
    const product = stack.api.backend.db.products[0]!
    const paths = [
      '/search', '/search?q=mug', '/search?q=zzzznothing', '/cart', '/auth/login', '/auth/register',
      '/orders', '/wishlist', '/checkout', '/account/profile',
      categoryPath('no-such-category'), productPath({ id: 987654, slug: 'gone' }), productPath({ id: product.id, slug: 'old-slug' }),
    ]
    const answers = []
    for (const path of paths) answers.push({ path, ...await caching(path) })
    // Every one of them says so, and none invites a CDN to keep it.
    expect(answers.filter(answer => answer.cacheControl !== UNCACHED)).toEqual([])
    expect(answers.filter(answer => answer.cdn !== null)).toEqual([])
  })

  it('sends an unknown path\'s 404 with a Cache-Control no shared cache may serve without asking', async () => {
    // Nitro's error handler writes `no-cache` on every 404 after the page cache has spoken.
    const { status, cacheControl } = await caching('/no-such-page')
    expect(status).toBe(404)
    expect(cacheControl).toMatch(/no-cache|no-store/)
  })
})
