import { chromium, type Browser } from '@playwright/test'
import { waitForHydration } from '../../tests/e2e/support/hydration'
import { summarize, type Summary } from '../lib/stats'
import { measured, notMeasured, type Outcome } from '../lib/outcome'

export interface HydrationFigures {
  /** fetch/XHR requests to /api the browser sent from navigation until the network was idle after hydration (target 0). */
  apiRequests: Summary
  /** Of those, the ones sent after the load event. */
  afterLoad: Summary
  /** Distinct requests seen in any run, so a non-zero count can be explained. */
  urls: string[]
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run']

interface RunCount { total: number, afterLoad: number, urls: string[] }

/**
 * Everything the first view needs was fetched during SSR and sent in the payload; any request the browser
 * makes to /api before the page settles is a hydration refetch. Counted from navigation start, not from the
 * load event: hydration runs before `load`, so a count starting there could not see a refetch.
 */
async function countOnce(browser: Browser, url: string): Promise<RunCount> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    const origin = new URL(url).origin
    const urls: string[] = []
    let loaded = false
    let afterLoad = 0
    page.on('request', (request) => {
      const target = new URL(request.url())
      // Data calls only: product images are served from /api/media/ too, and are not refetches.
      if (!['fetch', 'xhr'].includes(request.resourceType())) return
      if (target.origin !== origin || !target.pathname.startsWith('/api/')) return
      urls.push(`${request.method()} ${target.pathname}${target.search}`)
      if (loaded) afterLoad++
    })
    const response = await page.goto(url, { waitUntil: 'load' })
    loaded = true
    if (!response || response.status() !== 200) throw new Error(`answered ${response?.status() ?? 'nothing'}`)
    await waitForHydration(page)
    await page.waitForLoadState('networkidle')
    return { total: urls.length, afterLoad, urls }
  }
  finally {
    await context.close()
  }
}

export async function measureHydration(url: string, runs: number): Promise<Outcome<HydrationFigures>> {
  const probe = await fetch(url)
  await probe.arrayBuffer()
  if (probe.status !== 200) return notMeasured(`answered ${probe.status}`)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS })
  try {
    const counts: RunCount[] = []
    for (let i = 0; i < runs; i++) counts.push(await countOnce(browser, url))
    return measured({
      apiRequests: summarize(counts.map(c => c.total)),
      afterLoad: summarize(counts.map(c => c.afterLoad)),
      urls: [...new Set(counts.flatMap(c => c.urls))],
    })
  }
  finally {
    await browser.close()
  }
}
