import { measureInfiniteScroll, type InfiniteScrollResult } from '../catalog/infiniteScroll'
import type { ScrollSample } from '../catalog/scrollProbe'
import { summarize, type Summary } from '../lib/stats'
import { measured, type Outcome } from '../lib/outcome'

type Figure = Exclude<keyof ScrollSample, 'loaded'>
const TARGETS = [1000, 5000]
const FIGURES: Figure[] = ['cardsInDom', 'domNodes', 'longTasks', 'longTaskMs', 'longestTaskMs', 'longestScrollTaskMs', 'jsHeapUsedMb', 'elapsedMs']

export interface ScrollPoint {
  /** Products the shopper scrolled through to (1,000 / 5,000). */
  target: number
  loaded: Summary
  figures: Record<Figure, Summary>
}

export interface ScrollFigures {
  path: string
  viewport: { width: number, height: number }
  points: ScrollPoint[]
}

/**
 * Runs the catalog feature's own probe (bench/catalog/infiniteScroll.ts) `runs` times on the bench's stack and
 * summarises each figure per target, so the listing's cost is measured exactly as its e2e test measures it.
 */
export async function measureScroll(webUrl: string, runs: number): Promise<Outcome<ScrollFigures>> {
  const results: InfiniteScrollResult[] = []
  for (let i = 0; i < runs; i++) results.push(await measureInfiniteScroll(webUrl, { targets: TARGETS }))
  const first = results[0]!
  const points = TARGETS.map((target, index): ScrollPoint => {
    const samples = results.map(result => result.samples[index]!)
    const figures = Object.fromEntries(FIGURES.map(name => [name, summarize(samples.map(s => s[name]))])) as Record<Figure, Summary>
    return { target, loaded: summarize(samples.map(s => s.loaded)), figures }
  })
  return measured({ path: first.path, viewport: first.viewport, points })
}
