import type { Page } from '@playwright/test'
import { productIdFromPath } from '../../../utils/routes/productSegment'

/** Catalog API calls the page makes (images and everything else left out), in order. */
export function trackCatalogRequests(page: Page): URL[] {
  const seen: URL[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (/^\/api\/(products\/(facets\/)?|categories\/)$/.test(url.pathname)) seen.push(url)
  })
  return seen
}

export function isListRequest(url: URL): boolean {
  return url.pathname === '/api/products/'
}

export interface RenderedCard {
  position: number
  id: number
  brand: string
  price: string
}

/** Product cards currently rendered in the Products grid, with their list position (aria-posinset). */
export async function renderedCards(page: Page): Promise<RenderedCard[]> {
  const cards = await page.getByRole('list', { name: 'Products' }).getByRole('listitem').evaluateAll(items => items.map((item) => {
    return {
      position: Number(item.getAttribute('aria-posinset')),
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      brand: item.querySelector('article > p')?.textContent?.trim() ?? '',
      // ProductPrice's line (the rating line is a flex paragraph too).
      price: item.querySelector('article p.items-baseline > span')?.textContent?.trim() ?? '',
    }
  }))
  return cards.map(({ href, ...card }) => ({ ...card, id: productIdFromPath(href) ?? Number.NaN }))
}

/** Ids of the first `n` products of the grid, in order. */
export async function firstIds(page: Page, n = 8): Promise<number[]> {
  const cards = await renderedCards(page)
  return cards.sort((a, b) => a.position - b.position).slice(0, n).map(c => c.id)
}
