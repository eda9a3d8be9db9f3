import { describe, expect, it } from 'vitest'
import { globToRegExp } from '../../mocks/http/faults'
import { pageSizeFrom } from '../../mocks/http/pagination'
import { createRouter } from '../../mocks/http/router'
import { json } from '../../mocks/http/responses'

describe('fault path patterns (glob)', () => {
  it.each([
    ['/products/', '/products/', true],
    ['/products/', '/products/1/', false],
    ['/products/*', '/products/1/reviews/', true],
    ['/products/*', '/products/', true],
    ['/*/items/*', '/cart/items/3/', true],
    ['/orders/', '/orders.json', false],
  ])('%s against %s -> %s', (pattern, path, matches) => {
    expect(globToRegExp(pattern).test(path)).toBe(matches)
  })
})

describe('page_size like DRF', () => {
  it.each([
    [null, 24], ['1', 1], ['100', 100], ['101', 100], ['0', 24], ['-3', 24], ['2.5', 24], ['abc', 24],
  ])('page_size=%s -> %i', (raw, expected) => {
    const query = new URLSearchParams(raw === null ? '' : `page_size=${raw}`)
    expect(pageSizeFrom(query)).toBe(expected)
  })
})

describe('router', () => {
  const ok = () => json({})
  const router = createRouter([
    { method: 'GET', template: '/products/facets/', handle: ok },
    { method: 'GET', template: '/products/{id}/', handle: ok },
    { method: 'PATCH', template: '/products/{id}/', handle: ok },
  ])

  it('prefers the first matching template and extracts parameters', () => {
    const facets = router.match('GET', '/products/facets/')
    expect(facets.kind === 'route' && facets.route.template).toBe('/products/facets/')
    const detail = router.match('GET', '/products/42/')
    expect(detail.kind === 'route' && detail.params).toEqual({ id: '42' })
  })

  it('reports the allowed methods for a known path with another method', () => {
    expect(router.match('DELETE', '/products/42/')).toEqual({ kind: 'method_not_allowed', template: '/products/{id}/', allowed: ['GET', 'PATCH'] })
    expect(router.match('POST', '/products/facets/')).toMatchObject({ kind: 'method_not_allowed', allowed: ['GET'] })
  })

  it('treats HEAD as GET and misses unknown paths', () => {
    expect(router.match('HEAD', '/products/1/').kind).toBe('route')
    expect(router.match('GET', '/nope/')).toEqual({ kind: 'none' })
  })
})
