import { describe, expect, it } from 'vitest'
import { readAppLoader, type Preload } from '~/server/utils/html/beforeHydration'
import { HOME_PATH, productPath, PRODUCTS_PATH } from '~/utils/routes/paths'
import { useBuiltStack } from '../server/support/builtStack'
import { parseHtml } from './support/html'

// What a phone's browser fetches first (issue 21): the first product images at high priority; the app's scripts
// only through the inline loader, which adds their modulepreloads (with SRI hashes) after the first paint. On a
// fresh render and on the cached copy the next visitor gets.

const stack = useBuiltStack({ seedProducts: 60 })

async function load(path: string): Promise<{ doc: Document, cache: string | null }> {
  const response = await fetch(`${stack.web.url}${path}`)
  expect(response.status).toBe(200)
  return { doc: parseHtml(await response.text(), `${stack.web.url}${path}`), cache: response.headers.get('x-cache') }
}

function loaderFiles(doc: Document): Preload[] {
  const scripts = [...doc.querySelectorAll('script:not([src]):not([type])')].map(el => el.textContent ?? '')
  return scripts.map(readAppLoader).find(loader => loader !== null)?.preloads ?? []
}

describe.each([
  ['home', () => HOME_PATH],
  ['listing', () => PRODUCTS_PATH],
  ['product page', () => productPath(stack.api.backend.db.products[0]!)],
])('%s', (_name, path) => {
  it('fetches its scripts through the loader only, with their hashes, and its first image at high priority, fresh and from the cache', async () => {
    for (const attempt of [1, 2]) {
      const { doc, cache } = await load(path())
      if (attempt === 2) expect(cache).toBe('HIT')
      expect(doc.querySelectorAll('script[src], link[rel="modulepreload"]').length, 'no tag fetches a script before the loader').toBe(0)
      const files = loaderFiles(doc)
      expect(files.length, `attempt ${attempt} (${cache})`).toBeGreaterThan(1)
      expect(files.filter(({ href, integrity }) => !href.startsWith('/_nuxt/') || !integrity?.startsWith('sha384-')), 'every file with its SRI hash').toEqual([])
      const firstImage = doc.querySelector('main img')
      expect(firstImage?.getAttribute('fetchpriority')).toBe('high')
      expect(firstImage?.getAttribute('loading')).not.toBe('lazy')
    }
  })
})
