import { describe, expect, it } from 'vitest'
import { createPublicReads } from '~/server/utils/backend/publicReads'

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

function setup(ttlMs = 30_000) {
  let clock = 1_000_000
  let loads = 0
  let next: () => Promise<Response> = async () => json([{ slug: 'shoes' }])
  const reads = createPublicReads({ ttlMs, now: () => clock })
  return {
    reads,
    get loads() {
      return loads
    },
    answerWith: (fn: () => Promise<Response>) => { next = fn },
    advance: (ms: number) => { clock += ms },
    get: (path = '/categories/') => reads.get(path, () => {
      loads++
      return next()
    }),
  }
}

describe('shared public reads', () => {
  it('cover only GETs of the listed paths without a query', () => {
    const { reads } = setup()
    expect(reads.covers('GET', '/categories/')).toBe(true)
    expect(reads.covers('get', '/products/facets/')).toBe(true)
    expect(reads.covers('GET', '/products/facets/?category=shoes')).toBe(false)
    expect(reads.covers('GET', '/products/')).toBe(false)
    expect(reads.covers('POST', '/categories/')).toBe(false)
    expect(createPublicReads({ ttlMs: 0 }).covers('GET', '/categories/')).toBe(false)
  })

  it('answer every caller from one backend read until the time is up', async () => {
    const t = setup(30_000)
    const [a, b] = await Promise.all([t.get(), t.get()])
    expect(await a.json()).toEqual([{ slug: 'shoes' }])
    expect(await b.json()).toEqual([{ slug: 'shoes' }])
    t.advance(29_000)
    expect((await t.get()).status).toBe(200)
    expect(t.loads).toBe(1)
    t.advance(2_000)
    await t.get()
    expect(t.loads).toBe(2)
  })

  it('never keep a failure or an answer that is not JSON', async () => {
    const t = setup()
    t.answerWith(async () => json({ detail: 'down', code: 'upstream_unreachable' }, 502))
    const failed = await t.get()
    expect(failed.status).toBe(502)
    expect(await failed.json()).toEqual({ detail: 'down', code: 'upstream_unreachable' })
    t.answerWith(async () => new Response('<html>maintenance</html>', { status: 200, headers: { 'content-type': 'text/html' } }))
    await t.get()
    t.answerWith(async () => json([]))
    await t.get()
    await t.get()
    expect(t.loads).toBe(3)
  })
})
