import { expect } from 'vitest'
import { parseHtml } from './html'

/** A server-rendered listing page as a crawler reads it: the products it links to and its pager's links. */
export interface ComponentPage {
  /** resultProductIds of the page. */
  productIds: number[]
  /** Absolute rel="next" and rel="prev" addresses, or null where the page has none. */
  next: string | null
  previous: string | null
}

/** Fetches one listing page (no redirects followed; it must answer 200) and reads it without running its scripts. */
export async function componentPage(url: string): Promise<ComponentPage> {
  const response = await fetch(url, { redirect: 'manual' })
  expect(response.status, url).toBe(200)
  const doc = parseHtml(await response.text(), url)
  const link = (rel: string) => {
    const href = doc.querySelector(`a[rel="${rel}"]`)?.getAttribute('href')
    return href ? new URL(href, url).href : null
  }
  return { productIds: resultProductIds(doc), next: link('next'), previous: link('prev') }
}

/** The ids of the products the Results section links to, each once, in page order. */
export function resultProductIds(doc: Document): number[] {
  const ids = [...doc.querySelectorAll('main section[aria-label="Results"] a[href^="/products/"]')]
    .map(anchor => /^\/products\/(\d+)-/.exec(anchor.getAttribute('href') ?? '')?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number)
  return [...new Set(ids)]
}

/**
 * Follows rel="next" from `start` to the last page, as a crawler does: the addresses visited and the products they
 * list, in order. Fails where a next link leads back to a page already seen or to a page that lists nothing.
 */
export async function followNext(start: string): Promise<{ visited: string[], productIds: number[] }> {
  const visited: string[] = []
  const productIds: number[] = []
  let url: string | null = start
  while (url) {
    expect(visited.includes(url), `next leads back to ${url}`).toBe(false)
    visited.push(url)
    const page = await componentPage(url)
    expect(page.productIds.length, url).toBeGreaterThan(0)
    productIds.push(...page.productIds)
    url = page.next
  }
  return { visited, productIds }
}
