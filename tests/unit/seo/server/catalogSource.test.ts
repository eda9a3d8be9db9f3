import { describe, expect, it } from 'vitest'
import { backendCatalogSource, CatalogUnavailableError } from '~/server/utils/seo/sitemap/catalogSource'

/**
 * The gateway as the sitemap sees it (gateway.read): each call of a path gets the next scripted answer for it (the
 * last one repeats), a 404 for a path without a script; logs the calls.
 */
function scriptedBackend(script: Record<string, Array<() => Response>>) {
  const calls: string[] = []
  const read = async (path: string) => {
    calls.push(path)
    const answers = script[path]
    if (!answers) return new Response('{"detail":"Not found."}', { status: 404 })
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!
    return answer()
  }
  return { calls, source: backendCatalogSource({ read, retryDelayMs: 0 }) }
}

const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const page = (ids: number[], next: string | null) => json({ next, previous: null, results: ids.map(id => ({ id, slug: `p-${id}` })) })
const FIRST = '/products/?page_size=100'

describe('the sitemap reading the backend', () => {
  it('asks again once when a page fails in a way that may pass', async () => {
    const { source, calls } = scriptedBackend({ [FIRST]: [json({ detail: 'Bad gateway.' }, 502), page([1, 2], null)] })
    expect((await source.productPage(null)).products.map(product => product.id)).toEqual([1, 2])
    expect(calls).toEqual([FIRST, FIRST])
  })

  it('gives the page up when the second answer fails too, naming the call and its status', async () => {
    const { source, calls } = scriptedBackend({ [FIRST]: [json({}, 503), () => new Response('<html>nginx</html>', { status: 200 })] })
    const failure = await source.productPage(null).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(CatalogUnavailableError)
    expect((failure as Error).message).toBe(`GET ${FIRST} answered 200 without readable JSON (asked twice)`)
    expect(calls).toHaveLength(2)
  })

  it('does not call again while the shared breaker answers for a backend found down, and says so', async () => {
    const { source, calls } = scriptedBackend({ [FIRST]: [json({ detail: 'The shop is having trouble right now.', code: 'circuit_open' }, 503)] })
    const failure = await source.productPage(null).catch((error: unknown) => error)
    expect((failure as Error).message).toBe(`GET ${FIRST} not sent: the backend's circuit breaker is open`)
    expect(calls).toHaveLength(1)
  })

  it('keeps how long the last answer asked to wait, for the crawler (none when it did not say)', async () => {
    const throttled = () => new Response('{"detail":"Request was throttled."}', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '90' } })
    const { source } = scriptedBackend({ [FIRST]: [throttled] })
    expect(await source.productPage(null).catch((error: unknown) => error)).toMatchObject({ message: `GET ${FIRST} answered 429 (asked twice)`, retryAfterS: 90 })

    const unsaid = scriptedBackend({ [FIRST]: [json({ detail: 'Bad gateway.' }, 502)] })
    const failure = await unsaid.source.productPage(null).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(CatalogUnavailableError)
    expect((failure as CatalogUnavailableError).retryAfterS).toBeUndefined()
  })

  it('does not wait a second time for a backend that did not answer within the gateway\'s timeout', async () => {
    const { source, calls } = scriptedBackend({ [FIRST]: [json({ detail: 'The backend did not answer in time.', code: 'upstream_timeout' }, 504), page([1], null)] })
    const failure = await source.productPage(null).catch((error: unknown) => error)
    expect((failure as Error).message).toBe(`GET ${FIRST} answered 504 upstream_timeout`)
    expect(calls).toHaveLength(1)
  })

  it('names a breaker that opened after the first failure without claiming the page was asked twice', async () => {
    const { source, calls } = scriptedBackend({ [FIRST]: [json({ detail: 'The backend is unreachable.', code: 'upstream_unreachable' }, 502), json({ code: 'circuit_open' }, 503)] })
    const failure = await source.productPage(null).catch((error: unknown) => error)
    expect((failure as Error).message).toBe(`GET ${FIRST} not sent: the backend's circuit breaker is open`)
    expect(calls).toHaveLength(2)
  })

  it('does not ask again what cannot change (a 404 for a cursor the backend no longer reads)', async () => {
    const { source, calls } = scriptedBackend({})
    await expect(source.productPage('gone')).rejects.toBeInstanceOf(CatalogUnavailableError)
    expect(calls).toEqual(['/products/?page_size=100&cursor=gone'])
  })

  it('reads every page of categories a globally paginated backend sends, by the query of `next` on its own base', async () => {
    const category = (slug: string) => ({ id: slug.length, slug, name: slug, parent: null })
    const { source, calls } = scriptedBackend({
      '/categories/': [json({ next: 'http://internal-host:8000/api/categories/?cursor=c2', previous: null, results: [category('a'), category('b')] })],
      '/categories/?cursor=c2': [json({ next: 'http://internal-host:8000/api/categories/?cursor=c3', previous: null, results: [category('c')] })],
      '/categories/?cursor=c3': [json({ next: null, previous: null, results: [category('d')] })],
    })
    expect(await source.categorySlugs()).toEqual(['a', 'b', 'c', 'd'])
    expect(calls).toEqual(['/categories/', '/categories/?cursor=c2', '/categories/?cursor=c3'])
  })

  it('stops following categories at a `next` it was given before', async () => {
    const looping = json({ next: 'http://backend.test/api/categories/?cursor=same', previous: null, results: [{ id: 1, slug: 'a', name: 'A', parent: null }] })
    const { source, calls } = scriptedBackend({ '/categories/': [looping], '/categories/?cursor=same': [looping] })
    expect(await source.categorySlugs()).toEqual(['a', 'a'])
    expect(calls).toHaveLength(2)
  })
})
