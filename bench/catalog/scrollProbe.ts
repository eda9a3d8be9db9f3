import type { Page } from '@playwright/test'

// Measuring a long infinite-scroll session in a real Chromium page. Shared by the bench script
// (bench/catalog/infiniteScroll.ts) and the e2e test (tests/e2e/catalog/infinite-scroll.spec.ts), so both report
// the same numbers the same way.

/** One measurement of the listing after some products were loaded. */
export interface ScrollSample {
  /** Products in the list (loaded so far). */
  loaded: number
  /** Product cards present in the DOM. */
  cardsInDom: number
  /** All elements in the document. */
  domNodes: number
  /** Long tasks (> 50 ms) since the page started, and their summed duration. */
  longTasks: number
  longTaskMs: number
  /** The longest single task seen (ms). */
  longestTaskMs: number
  /**
   * The longest task that started after the first page: from the first request for a next page (a `cursor` in a
   * product list request) on, so appending pages and recycling rows, not the page load and hydration (ms).
   */
  longestScrollTaskMs: number
  /** V8 heap in use after a forced garbage collection (MB). */
  jsHeapUsedMb: number
  /** Wall time since navigation started (ms). */
  elapsedMs: number
}

interface ProbeWindow {
  /** [startTime, duration] of every long task, ms since navigation. */
  __longTasks?: Array<[number, number]>
  /** When the second page was requested (the first product list request with a cursor), ms since navigation. */
  __nextPageAt?: number
}

const GRID = '[role="list"][aria-label="Products"]'

/** Records every long task from the first script on, and when the second page was asked for; call before `page.goto`. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as ProbeWindow
    w.__longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks?.push([entry.startTime, entry.duration])
    }).observe({ type: 'longtask', buffered: true })
    const nextPage = /\/api\/products\/\?[^#]*\bcursor=/
    const resources = new PerformanceObserver((list) => {
      const first = list.getEntries().find(entry => nextPage.test(entry.name))
      if (!first) return
      w.__nextPageAt = first.startTime
      resources.disconnect()
    })
    resources.observe({ type: 'resource', buffered: true })
  })
}

/** Number of products the grid holds (its data-items), 0 before it renders. */
export async function loadedCount(page: Page): Promise<number> {
  return page.evaluate((selector) => Number(document.querySelector<HTMLElement>(selector)?.dataset.items ?? 0), GRID)
}

/**
 * Scrolls to the end again and again, as a shopper flicking down would, until `target` products are loaded or the
 * list ends. Each step waits for the next page to render (no sleeps).
 */
export async function scrollUntilLoaded(page: Page, target: number, stepTimeoutMs = 15_000): Promise<number> {
  let loaded = await loadedCount(page)
  while (loaded < target) {
    const done = await page.evaluate((selector) => {
      const grid = document.querySelector<HTMLElement>(selector)
      const last = grid?.querySelector('[role="listitem"]')
      window.scrollTo(0, document.documentElement.scrollHeight)
      return last?.getAttribute('aria-setsize') !== '-1'
    }, GRID)
    if (done) break
    // No nudging while waiting: reaching the end must be enough to load the next page, or this times out.
    await page.waitForFunction(([selector, before]) => {
      const grid = document.querySelector<HTMLElement>(selector as string)
      return Number(grid?.dataset.items ?? 0) > Number(before)
    }, [GRID, loaded] as const, { timeout: stepTimeoutMs, polling: 100 })
    loaded = await loadedCount(page)
  }
  return loaded
}

/** Takes a sample: DOM size, long tasks and heap (after GC, through the DevTools protocol). */
export async function sample(page: Page, startedAt: number): Promise<ScrollSample> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const heap = metrics.find(m => m.name === 'JSHeapUsedSize')?.value ?? 0
    const dom = await page.evaluate((selector) => {
      const w = window as unknown as ProbeWindow
      const tasks = w.__longTasks ?? []
      const durations = tasks.map(([, duration]) => duration)
      const nextPageAt = w.__nextPageAt ?? Infinity
      return {
        loaded: Number(document.querySelector<HTMLElement>(selector)?.dataset.items ?? 0),
        cardsInDom: document.querySelectorAll(`${selector} article`).length,
        domNodes: document.getElementsByTagName('*').length,
        longTasks: tasks.length,
        longTaskMs: Math.round(durations.reduce((a, b) => a + b, 0)),
        longestTaskMs: Math.round(Math.max(0, ...durations)),
        longestScrollTaskMs: Math.round(Math.max(0, ...tasks.filter(([start]) => start >= nextPageAt).map(([, duration]) => duration))),
      }
    }, GRID)
    return { ...dom, jsHeapUsedMb: Math.round((heap / 1024 / 1024) * 10) / 10, elapsedMs: Date.now() - startedAt }
  }
  finally {
    await cdp.detach()
  }
}
