import type { Locator, Page } from '@playwright/test'
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

// The price paragraph as the shop writes it (utils/format/money.ts): it starts with the price, a currency prefix and
// the amount; a sale's "was" price follows it and is never read as the price.
const PRICE = /^\s*((?:[A-Z]{0,3}[$€£¥]|[A-Z]{3}\u00A0)[\d,]+(?:\.\d+)?)/

/**
 * Product cards currently rendered in the Products grid, read as a shopper reads them: the list position
 * (aria-posinset), the title link (the heading's link), the brand (the card's first paragraph, under the title) and
 * the price (the paragraph that starts with an amount). By the elements' roles (h1-h6, p, a[href]), never by a
 * class, and in one read of the page: the grid re-renders while it loads, and locator calls item by item could mix
 * two renders (or wait on an item that is gone).
 */
export async function renderedCards(page: Page): Promise<RenderedCard[]> {
  const cards = await page.getByRole('list', { name: 'Products' }).getByRole('listitem').evaluateAll(items => items.map(item => ({
    position: Number(item.getAttribute('aria-posinset')),
    href: item.querySelector(':is(h1, h2, h3, h4, h5, h6, [role="heading"]) a[href]')?.getAttribute('href') ?? '',
    paragraphs: Array.from(item.querySelectorAll('p, [role="paragraph"]'), p => p.textContent ?? ''),
  })))
  return cards.map(({ position, href, paragraphs }) => ({
    position,
    id: productIdFromPath(href) ?? Number.NaN,
    brand: paragraphs[0]?.trim() ?? '',
    price: paragraphs.map(text => PRICE.exec(text)?.[1]).find(Boolean) ?? '',
  }))
}

/** Ids of the first `n` products of the grid, in order. */
export async function firstIds(page: Page, n = 8): Promise<number[]> {
  const cards = await renderedCards(page)
  return cards.sort((a, b) => a.position - b.position).slice(0, n).map(c => c.id)
}

/** The brand a Brand filter checkbox stands for: its label, "Acme (12)", without the count. */
export async function brandOf(checkbox: Locator): Promise<string> {
  const label = await checkbox.evaluate(input => (input as HTMLInputElement).labels?.[0]?.textContent ?? '')
  return label.replace(/\s*\(\d+\)\s*$/, '').trim()
}
