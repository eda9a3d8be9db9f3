import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'
import { startStorefront, type Running } from '../server/support/processes'
import { parseHtml } from './support/html'

// Server-rendered component pages over a backend whose DEFAULT_PAGINATION_CLASS is PageNumberPagination: DRF's
// `next` has `?page=N` and no cursor. The pager's rel="next" (how crawlers reach the rest of a listing) carries that
// page in `cursor`, like a cursor; following it from the first page lists every product once, in order.

const PRODUCTS = 150

let api: RunningDemoApi
let web: Running

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: PRODUCTS, faults: false, profile: { pagination: 'page-number' } })
  web = await startStorefront({ apiBase: api.url, siteUrl: 'http://shop.test' })
})

afterAll(async () => {
  await web?.stop()
  await api?.close()
})

interface ComponentPage {
  productIds: number[]
  next: string | null
  previous: string | null
}

async function componentPage(url: string): Promise<ComponentPage> {
  const response = await fetch(url, { redirect: 'manual' })
  expect(response.status, url).toBe(200)
  const doc = parseHtml(await response.text(), url)
  const productIds = [...doc.querySelectorAll('main section[aria-label="Results"] a[href^="/products/"]')]
    .map(anchor => /^\/products\/(\d+)-/.exec(anchor.getAttribute('href') ?? '')?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number)
  const link = (rel: string) => doc.querySelector(`a[rel="${rel}"]`)?.getAttribute('href') ?? null
  const next = link('next')
  const previous = link('prev')
  return { productIds: [...new Set(productIds)], next: next && new URL(next, url).href, previous: previous && new URL(previous, url).href }
}

describe('component pages over DRF PageNumberPagination', () => {
  it('following next from /products?sort=price-asc lists every product once, in the backend\'s order', async () => {
    const walked: number[] = []
    const visited: string[] = []
    let url: string | null = `${web.url}/products?sort=price-asc`
    while (url) {
      expect(visited.includes(url), `next leads back to ${url}`).toBe(false)
      visited.push(url)
      const page = await componentPage(url)
      expect(page.productIds.length, url).toBeGreaterThan(0)
      walked.push(...page.productIds)
      url = page.next
    }

    expect(visited).toHaveLength(Math.ceil(PRODUCTS / 24))
    expect(new URL(visited[1]!).searchParams.get('cursor')).toBe('page=2')
    expect(walked).toEqual(api.backend.db.index.sorted.price.map(product => product.id))
  }, 120_000)

  it('a later page links back to the page before it', async () => {
    const second = (await componentPage(`${web.url}/products?sort=price-asc`)).next!
    const third = await componentPage((await componentPage(second)).next!)
    expect(third.previous).not.toBeNull()
    expect((await componentPage(third.previous!)).productIds).toEqual((await componentPage(second)).productIds)
  }, 60_000)
})
