import lighthouse from 'lighthouse'
import { launch } from 'chrome-launcher'
import { roundSummary, summarize, type Summary } from '../lib/stats'
import { measured, notMeasured, type Outcome } from '../lib/outcome'

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
// Debian's Chromium in a container: no sandbox, no /dev/shm, no GPU.
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu']

export interface LighthouseRun {
  /** Category scores 0-100. */
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  /** Largest Contentful Paint and Total Blocking Time in ms (simulated mobile throttling), CLS unitless. */
  lcpMs: number
  cls: number
  tbtMs: number
}

export type LighthouseFigures = { [K in keyof LighthouseRun]: Summary } & {
  /** Runs started: more than the runs summarised when Lighthouse failed one (e.g. NO_NAVSTART) and it was retried. */
  attempts: number
}

// A run that fails for Lighthouse's own reasons (trace not recorded on a busy machine) is retried, this many times in all.
const EXTRA_ATTEMPTS = 2

function score(lhr: { categories: Record<string, { score: number | null } | undefined> }, id: string): number {
  const value = lhr.categories[id]?.score
  if (value === null || value === undefined) throw new Error(`Lighthouse gave no ${id} score`)
  return Math.round(value * 100)
}

function numeric(lhr: { audits: Record<string, { numericValue?: number } | undefined> }, id: string): number {
  const value = lhr.audits[id]?.numericValue
  if (value === undefined) throw new Error(`Lighthouse gave no ${id} value`)
  return value
}

/** One Lighthouse run with the default (mobile) config, in a fresh browser so runs do not share caches. */
async function runOnce(url: string): Promise<LighthouseRun> {
  const chrome = await launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS, logLevel: 'silent' })
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] })
    if (!result) throw new Error('Lighthouse returned no result')
    const { lhr } = result
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    return {
      performance: score(lhr, 'performance'),
      accessibility: score(lhr, 'accessibility'),
      bestPractices: score(lhr, 'best-practices'),
      seo: score(lhr, 'seo'),
      lcpMs: numeric(lhr, 'largest-contentful-paint'),
      cls: numeric(lhr, 'cumulative-layout-shift'),
      tbtMs: numeric(lhr, 'total-blocking-time'),
    }
  }
  finally {
    chrome.kill()
  }
}

/** Median of `runs` Lighthouse runs of one page; a page that does not answer 200 is not measured. */
export async function measureLighthouse(url: string, runs: number): Promise<Outcome<LighthouseFigures>> {
  const probe = await fetch(url)
  await probe.arrayBuffer()
  if (probe.status !== 200) return notMeasured(`answered ${probe.status}`)
  const results: LighthouseRun[] = []
  let attempts = 0
  let lastError: unknown
  while (results.length < runs && attempts < runs + EXTRA_ATTEMPTS) {
    attempts++
    try {
      results.push(await runOnce(url))
    }
    catch (error) {
      lastError = error
    }
  }
  if (results.length < runs) throw lastError

  const pick = (key: keyof LighthouseRun, digits: number) => roundSummary(summarize(results.map(r => r[key])), digits)
  return measured({
    performance: pick('performance', 0),
    accessibility: pick('accessibility', 0),
    bestPractices: pick('bestPractices', 0),
    seo: pick('seo', 0),
    lcpMs: pick('lcpMs', 0),
    cls: pick('cls', 3),
    tbtMs: pick('tbtMs', 0),
    attempts,
  })
}
