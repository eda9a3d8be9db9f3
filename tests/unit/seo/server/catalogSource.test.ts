import { describe, expect, it } from 'vitest'
import { backendCatalogSource, CatalogUnavailableError } from '~/server/utils/seo/sitemap/catalogSource'

const API = 'http://backend.test/api'

/** A backend answering each call with the next scripted answer for its path (the last one repeats); logs the calls. */
function scriptedBackend(script: Record<string, Array<() => Response>>) {
  const calls: string[] = []
  const fetch = (async (input: string | URL | Request) => {
    const url = new URL(String(input))
    const path = url.pathname.slice('/api'.length) + url.search
    calls.push(path)
    const answers = script[path]
    if (!answers) return new Response('{"detail":"Not found."}', { status: 404 })
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!
    return answer()
  }) as typeof globalThis.fetch
  return { calls, source: backendCatalogSource({ apiBase: API, fetch, retryDelayMs: 0 }) }
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
    const looping = json({ next: `${API}/categories/?cursor=same`, previous: null, results: [{ id: 1, slug: 'a', name: 'A', parent: null }] })
    const { source, calls } = scriptedBackend({ '/categories/': [looping], '/categories/?cursor=same': [looping] })
    expect(await source.categorySlugs()).toEqual(['a', 'a'])
    expect(calls).toHaveLength(2)
  })
})
