import type { Page, Request } from '@playwright/test'
import { workerApiBase } from '../support/apiBase'

const apiBase = workerApiBase

/** Scripts a fault on the demo backend (see tests/mocks/http/faults.ts). */
export async function addFault(fault: { path_pattern: string, latency_ms?: number, status?: number, count?: number, method?: string }): Promise<void> {
  const response = await fetch(`${apiBase()}/__faults/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) })
  if (response.status !== 201) throw new Error(`POST /__faults/ answered ${response.status}`)
}

/** Clears faults and request stats. */
export async function resetFaults(): Promise<void> {
  await fetch(`${apiBase()}/__faults/`, { method: 'DELETE' })
}

/** Requests per backend route as the demo backend counted them. */
export async function backendStats(): Promise<Record<string, number>> {
  const response = await fetch(`${apiBase()}/__stats/`)
  return ((await response.json()) as { routes: Record<string, number> }).routes
}

/** The two calls of a suggestion round: the suggest call and the 4-item product preview. */
export function isSuggestionCall(url: URL): boolean {
  return url.pathname === '/api/products/suggest/' || (url.pathname === '/api/products/' && url.searchParams.get('page_size') === '4')
}

/** Every browser request for suggestions: the suggest call and the 4-item product preview. */
export function recordSuggestionRequests(page: Page): { suggest: Request[], preview: Request[] } {
  const recorded = { suggest: [] as Request[], preview: [] as Request[] }
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/products/suggest/') recorded.suggest.push(request)
    else if (url.pathname === '/api/products/' && url.searchParams.get('page_size') === '4') recorded.preview.push(request)
  })
  return recorded
}

/**
 * Records every value the listbox's `data-results-for` takes (the query whose server rows are on screen), from a
 * MutationObserver in the page, so a late answer that flashed for a single frame is still caught.
 */
export async function watchServerRows(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __resultsFor: string[] }).__resultsFor = seen
    const listbox = document.querySelector('[role="listbox"]')
    if (!listbox) throw new Error('no listbox')
    new MutationObserver(() => {
      const value = listbox.getAttribute('data-results-for') ?? ''
      if (value && seen.at(-1) !== value) seen.push(value)
    }).observe(listbox, { attributes: true, attributeFilter: ['data-results-for'] })
  })
  return () => page.evaluate(() => (window as unknown as { __resultsFor: string[] }).__resultsFor)
}

export function queryOfUrl(url: URL): string {
  return url.searchParams.get('q') ?? url.searchParams.get('search') ?? ''
}

export function queryOf(request: Request): string {
  return queryOfUrl(new URL(request.url()))
}
