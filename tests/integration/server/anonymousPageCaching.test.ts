import { describe, expect, it } from 'vitest'
import { categoryPath, productPath } from '~/utils/routes/paths'
import { useBuiltStack } from './support/builtStack'

// What a shared cache in front (a CDN with a default TTL) is told about every page an anonymous shopper can ask for.
// A response without Cache-Control is one such a cache may keep for its default time: search results for hours.

const SHARED = 'public, max-age=0, must-revalidate'
const UNCACHED = 'private, no-store'
// The test fault pages (docs/observability.md) give a render that crashes and a handler that does: two 500s.
const stack = useBuiltStack({ seedProducts: 60, env: { NUXT_PUBLIC_SENTRY_TEST_FAULTS: '1' } })

async function caching(path: string, accept = 'text/html'): Promise<{ status: number, cacheControl: string | null, cdn: string | null }> {
  const response = await fetch(`${stack.web.url}${path}`, { redirect: 'manual', headers: { accept } })
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

  it('sends the error pages Nitro\'s error handler renders with the same Cache-Control as every other page it does not keep', async () => {
    // Nitro's error handler writes its own (`no-cache`, which a shared cache may keep) after the page cache has spoken.
    const answers = []
    for (const [path, accept] of [
      ['/no-such-page', 'text/html'], ['/no-such/deeper/page', 'text/html'], ['/no-such-page', 'application/json'],
      ['/__observability/ssr', 'text/html'], ['/__observability/handler', 'text/html'], ['/__observability/handler', 'application/json'],
      ['/_nuxt/no-such-chunk.js', '*/*'],
    ] as const) answers.push({ path, accept, ...await caching(path, accept) })
    expect(answers.map(({ path, accept, status, cacheControl, cdn }) => ({ path, accept, status, cacheControl, cdn }))).toEqual([
      { path: '/no-such-page', accept: 'text/html', status: 404, cacheControl: UNCACHED, cdn: null },
      { path: '/no-such/deeper/page', accept: 'text/html', status: 404, cacheControl: UNCACHED, cdn: null },
      { path: '/no-such-page', accept: 'application/json', status: 404, cacheControl: UNCACHED, cdn: null },
      { path: '/__observability/ssr', accept: 'text/html', status: 500, cacheControl: UNCACHED, cdn: null },
      { path: '/__observability/handler', accept: 'text/html', status: 500, cacheControl: UNCACHED, cdn: null },
      { path: '/__observability/handler', accept: 'application/json', status: 500, cacheControl: UNCACHED, cdn: null },
      { path: '/_nuxt/no-such-chunk.js', accept: '*/*', status: 404, cacheControl: UNCACHED, cdn: null },
    ])
  })
})
