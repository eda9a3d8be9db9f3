import { describe, expect, it } from 'vitest'
import { createStorage, type Storage } from 'unstorage'
import { cacheKeyFor, createPageCache, type RenderedPage } from '~/server/utils/pageCache/pageCache'
import { decodeStoredPage } from '~/server/utils/pageCache/storedPageCodec'
import { productPath } from '~/utils/routes/paths'

function page(body: string, extra: Partial<RenderedPage> = {}): RenderedPage {
  return { status: 200, headers: { 'content-type': 'text/html', 'content-security-policy': "script-src 'self'" }, body, ...extra }
}

/** A cache over in-memory storage, a hand-moved clock and a scripted renderer that counts its calls. */
function setup(storage: Storage = createStorage()) {
  let clock = 1_000_000
  const renders: string[] = []
  let next: () => Promise<RenderedPage> = async () => page(`v${renders.length}`)
  const background: Promise<unknown>[] = []
  const errors: string[] = []
  const cache = createPageCache({
    storage,
    now: () => clock,
    render: (url) => {
      renders.push(url)
      return next()
    },
    onError: message => errors.push(message),
  })
  return {
    storage,
    cache,
    renders,
    errors,
    get: (url = '/products') => cache.get(url, promise => background.push(promise)),
    advance: (seconds: number) => { clock += seconds * 1000 },
    renderWith: (fn: () => Promise<RenderedPage>) => { next = fn },
    settle: () => Promise.all(background.splice(0)),
  }
}

describe('page cache', () => {
  it('renders on a miss, then serves the stored copy while fresh', async () => {
    const t = setup()
    const first = await t.get()
    expect(first.state).toBe('MISS')
    expect(first.page.body).toBe('v1')
    t.advance(59)
    const second = await t.get()
    expect(second).toMatchObject({ state: 'HIT', ageS: 59, page: { body: 'v1' } })
    expect(second.page.etag).toBe(first.page.etag)
    expect(t.renders).toEqual(['/products'])
  })

  it('serves a stale copy within stale-while-revalidate and re-renders it in the background', async () => {
    const t = setup()
    await t.get()
    t.advance(61)
    const stale = await t.get()
    expect(stale).toMatchObject({ state: 'STALE', page: { body: 'v1' } })
    await t.settle()
    expect(t.renders).toHaveLength(2)
    const refreshed = await t.get()
    expect(refreshed).toMatchObject({ state: 'HIT', ageS: 0, page: { body: 'v2' } })
  })

  it('renders again before answering once a copy is older than max-age + stale-while-revalidate', async () => {
    const t = setup()
    await t.get()
    t.advance(60 + 300)
    const result = await t.get()
    expect(result).toMatchObject({ state: 'MISS', page: { body: 'v2' } })
  })

  it('serves the old copy when rendering fails, up to stale-if-error', async () => {
    const t = setup()
    await t.get()
    t.advance(3600)
    t.renderWith(async () => page('<h1>Server error</h1>', { status: 500 }))
    expect(await t.get()).toMatchObject({ state: 'STALE-IF-ERROR', ageS: 3600, page: { body: 'v1', status: 200 } })
    t.renderWith(async () => { throw new Error('renderer crashed') })
    expect(await t.get()).toMatchObject({ state: 'STALE-IF-ERROR', page: { body: 'v1' } })
    t.advance(86_400)
    await expect(t.get()).rejects.toThrow('renderer crashed')
  })

  it('never stores a page that sets a cookie, is private or is not a 200', async () => {
    const t = setup()
    const uncacheable: RenderedPage[] = [
      page('a', { headers: { 'set-cookie': ['x=1; Path=/'] } }),
      page('b', { headers: { 'cache-control': 'private, no-store' } }),
      page('c', { status: 404 }),
      page('d', { status: 301, headers: { location: productPath({ id: 1, slug: 'mug' }) } }),
    ]
    for (const rendered of uncacheable) {
      t.renderWith(async () => rendered)
      const result = await t.get()
      expect(result.state).toBe('UNCACHEABLE')
      expect(result.page).toEqual(rendered)
    }
    expect(await t.storage.getKeys()).toEqual([])
  })

  it('stores no per-request headers with a shared page', async () => {
    const t = setup()
    t.renderWith(async () => page('x', { headers: { 'content-type': 'text/html', 'x-request-id': 'r-1', 'date': 'now', 'content-length': '1' } }))
    await t.get()
    const stored = decodeStoredPage(await t.storage.getItemRaw(cacheKeyFor('/products')))
    expect(stored?.headers).toEqual({ 'content-type': 'text/html' })
  })

  it('drops a stored copy once the page is gone', async () => {
    const t = setup()
    await t.get()
    t.advance(400)
    t.renderWith(async () => page('Not found', { status: 404 }))
    expect((await t.get()).state).toBe('UNCACHEABLE')
    expect(await t.storage.getItem(cacheKeyFor('/products'))).toBeNull()
  })

  it('renders a page once for a burst of concurrent misses', async () => {
    const t = setup()
    let release: () => void = () => {}
    t.renderWith(() => new Promise(resolve => { release = () => resolve(page('once')) }))
    const burst = Promise.all([t.get(), t.get(), t.get()])
    await new Promise(resolve => setImmediate(resolve))
    release()
    const results = await burst
    expect(results.map(r => r.page.body)).toEqual(['once', 'once', 'once'])
    expect(t.renders).toHaveLength(1)
  })

  it('keeps serving pages when the cache storage fails', async () => {
    const broken = createStorage()
    broken.getItemRaw = () => Promise.reject(new Error('connection refused'))
    broken.setItemRaw = () => Promise.reject(new Error('connection refused'))
    const t = setup(broken)
    const result = await t.get()
    expect(result).toMatchObject({ state: 'MISS', page: { body: 'v1' } })
    expect(t.errors).toEqual(['read failed; rendering instead', 'write failed'])
  })

  it('renders instead of serving an entry that is not a stored page (corrupt, or written by something else)', async () => {
    const storage = createStorage()
    await setup(storage).get()
    for (const key of await storage.getKeys()) await storage.setItemRaw(key, 'storefront-page/1\n{"status":200,"hea')
    // Another instance (this one still holds its own fresh copy) reads the broken entry.
    const other = setup(storage)
    expect(await other.get()).toMatchObject({ state: 'MISS', page: { body: 'v1' } })
    expect(other.renders).toHaveLength(1)
    expect(other.errors).toEqual(['read failed; rendering instead'])
  })

  it('serves a fresh copy it holds without reading the storage, as bytes made once', async () => {
    const storage = createStorage()
    let reads = 0
    const getItemRaw = storage.getItemRaw.bind(storage)
    storage.getItemRaw = ((key: string) => {
      reads++
      return getItemRaw(key)
    }) as typeof storage.getItemRaw
    const t = setup(storage)
    t.renderWith(async () => page('<p>★ 4.5 · 12 reviews</p>'))
    await t.get()
    const readsAfterMiss = reads
    const first = await t.get()
    t.advance(59)
    const second = await t.get()
    expect(reads).toBe(readsAfterMiss)
    expect(second).toMatchObject({ state: 'HIT', ageS: 59 })
    expect(second.hot?.bytes).toBe(first.hot?.bytes)
    expect(second.hot?.bytes.toString('utf8')).toBe('<p>★ 4.5 · 12 reviews</p>')
    // Once it is stale, the shared storage decides again (another instance may have a newer copy).
    t.advance(2)
    expect((await t.get()).state).toBe('STALE')
    expect(reads).toBe(readsAfterMiss + 1)
  })

  it('stores the page so that it reads back exactly, however the HTML is written', async () => {
    const storage = createStorage()
    const body = '<!DOCTYPE html>\n<p title="a \\"quote\\"">line\r\nbreak</p>\n{"__proto__":{"polluted":true}}\u2028'
    const t = setup(storage)
    t.renderWith(async () => ({ status: 200, headers: { 'content-type': 'text/html' }, body }))
    await t.get()
    // Read back by another instance, from the storage.
    const hit = await setup(storage).get()
    expect(hit).toMatchObject({ state: 'HIT', page: { status: 200, body, headers: { 'content-type': 'text/html' } } })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('never stores a page whose main content failed, on a miss or in a background refresh, nor keeps it in memory', async () => {
    const t = setup()
    const failed = page('Could not load the products', { status: 503, headers: { 'cache-control': 'no-store', 'retry-after': '30' } })
    t.renderWith(async () => failed)
    expect(await t.get()).toMatchObject({ state: 'UNCACHEABLE', page: failed })
    expect(await t.storage.getKeys()).toEqual([])
    // The backend is back: the next request renders the page and stores it.
    t.renderWith(async () => page('products'))
    expect(await t.get()).toMatchObject({ state: 'MISS', page: { body: 'products' } })
    // Stale, and the background refresh fails: the good copy stays (served fresh-from-memory never, stored never).
    t.advance(61)
    t.renderWith(async () => failed)
    expect(await t.get()).toMatchObject({ state: 'STALE', page: { body: 'products' } })
    await t.settle()
    t.advance(1)
    expect(await t.get()).toMatchObject({ state: 'STALE', page: { body: 'products', status: 200 } })
    await t.settle()
    const stored = decodeStoredPage(await t.storage.getItemRaw(cacheKeyFor('/products')))
    expect(stored).toMatchObject({ status: 200, body: 'products' })
  })

  it('keeps a partial page for seconds, not minutes, and serves it stale only within that window', async () => {
    const t = setup()
    t.renderWith(async () => page('no filter counts', { headers: { 'x-page-degraded': 'facets' } }))
    expect((await t.get()).state).toBe('MISS')
    t.advance(9)
    expect(await t.get()).toMatchObject({ state: 'HIT', page: { body: 'no filter counts' } })
    // Ten seconds on, the complete page is rendered in the background while the partial one is served once more.
    t.advance(2)
    t.renderWith(async () => page('complete'))
    expect(await t.get()).toMatchObject({ state: 'STALE', page: { body: 'no filter counts' } })
    await t.settle()
    expect(await t.get()).toMatchObject({ state: 'HIT', page: { body: 'complete' } })
  })

  it('does not serve a partial page for a day when rendering fails', async () => {
    const t = setup()
    t.renderWith(async () => page('no reviews', { headers: { 'x-page-degraded': 'reviews' } }))
    await t.get()
    t.renderWith(async () => page('down', { status: 503, headers: { 'cache-control': 'no-store' } }))
    t.advance(30)
    expect(await t.get()).toMatchObject({ state: 'STALE', page: { body: 'no reviews' } })
    await t.settle()
    t.advance(20)
    expect(await t.get()).toMatchObject({ state: 'UNCACHEABLE', page: { status: 503 } })
  })
})
