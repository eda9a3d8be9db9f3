import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'
import { productPath } from '~/utils/routes/catalogPaths'
import { HOME_PATH, PRODUCTS_PATH } from '~/utils/routes/paths'
import { startStorefront, type Running } from '../server/support/processes'
import { parseHtml } from './support/html'

// What a phone's browser fetches first (issue 21): the first product images at high priority, the app's scripts
// at low priority, on a fresh render and on the cached copy the next visitor gets.

let api: RunningDemoApi
let web: Running

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: 60, faults: false })
  web = await startStorefront({ apiBase: api.url, siteUrl: 'http://shop.test' })
})

afterAll(async () => {
  await web?.stop()
  await api?.close()
})

async function load(path: string): Promise<{ doc: Document, cache: string | null }> {
  const response = await fetch(`${web.url}${path}`)
  expect(response.status).toBe(200)
  return { doc: parseHtml(await response.text(), `${web.url}${path}`), cache: response.headers.get('x-cache') }
}

function scripts(doc: Document): Element[] {
  return [...doc.querySelectorAll('link[rel="modulepreload"], script[type="module"][src]')]
}

describe.each([
  ['home', () => HOME_PATH],
  ['listing', () => PRODUCTS_PATH],
  ['product page', () => productPath(api.backend.db.products[0]!)],
])('%s', (_name, path) => {
  it('loads its scripts at low priority and its first image at high priority, fresh and from the cache', async () => {
    for (const attempt of [1, 2]) {
      const { doc, cache } = await load(path())
      if (attempt === 2) expect(cache).toBe('HIT')
      const found = scripts(doc)
      expect(found.length, `attempt ${attempt}`).toBeGreaterThan(1)
      expect(found.filter(el => el.getAttribute('fetchpriority') !== 'low').map(el => el.outerHTML), `attempt ${attempt} (${cache})`).toEqual([])
      const firstImage = doc.querySelector('main img')
      expect(firstImage?.getAttribute('fetchpriority')).toBe('high')
      expect(firstImage?.getAttribute('loading')).not.toBe('lazy')
    }
  })
})
