import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
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
  /**
   * KiB of gzip JavaScript (level 9, as the budget counts) the browser fetched from navigation until the network
   * was idle, with no interaction: the first view's files plus what loads when idle (lazily hydrated components,
   * the api transport). The budget counts only the first view's, which hydration waits for.
   */
  jsByIdleKiB: Summary
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run']

interface RunCount { total: number, afterLoad: number, urls: string[], scripts: string[] }

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
    const scripts = new Set<string>()
    let loaded = false
    let afterLoad = 0
    page.on('request', (request) => {
      const target = new URL(request.url())
      if (request.resourceType() === 'script' && target.origin === origin && target.pathname.startsWith('/_nuxt/')) scripts.add(target.pathname)
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
    return { total: urls.length, afterLoad, urls, scripts: [...scripts] }
  }
  finally {
    await context.close()
  }
}

async function gzipKiB(publicDir: string, files: readonly string[]): Promise<number> {
  let bytes = 0
  for (const file of files) bytes += gzipSync(await readFile(join(publicDir, file)), { level: 9 }).byteLength
  return Math.round(bytes / 102.4) / 10
}

/** `publicDir`: the served build's public folder, where the scripts' bytes are read from. */
export async function measureHydration(url: string, runs: number, publicDir: string): Promise<Outcome<HydrationFigures>> {
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
      jsByIdleKiB: summarize(await Promise.all(counts.map(c => gzipKiB(publicDir, c.scripts)))),
    })
  }
  finally {
    await browser.close()
  }
}
