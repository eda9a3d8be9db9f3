import { describe, expect, it } from 'vitest'
import { backendCatalogSource } from '~/server/utils/seo/sitemap/catalogSource'

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
  return { calls, source: backendCatalogSource({ apiBase: API, fetch }) }
}

const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('the sitemap reading the backend', () => {
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
