import type { Summary } from '../lib/stats'
import type { Outcome } from '../lib/outcome'
import type { PageThroughput } from '../ssr/throughput'
import { formatSummary, table } from './format'

/** One page of one run, as the history keeps it: enough to compare runs, not the whole results.json. */
export type HistoryPage =
  | { path: string, htmlBytes: number, baselineKind?: string, baselineRps: Summary, uncachedRps: Summary, uncachedRatio: Summary, cachedRps: Summary, cachedRatio: Summary, failures: number }
  | { notMeasured: string }

/** bench/ssr-history.json holds one of these per run (full or `--only ssr`), oldest first. */
export interface SsrHistoryEntry {
  generatedAt: string
  /** `git describe`-like: short commit, `+dirty` when the tree had uncommitted source changes. */
  commit: string
  label: string
  quick: boolean
  rounds: number
  loadAverageAtStart: number[]
  pages: Record<string, HistoryPage>
}

export function historyPages(pages: Record<string, Outcome<PageThroughput>>): Record<string, HistoryPage> {
  const out: Record<string, HistoryPage> = {}
  for (const [name, page] of Object.entries(pages)) {
    out[name] = page.status !== 'measured'
      ? { notMeasured: page.reason }
      : {
          path: page.path,
          htmlBytes: page.htmlBytes,
          baselineKind: page.baselineKind ?? 'ASCII filler',
          baselineRps: page.baseline.rps,
          uncachedRps: page.uncached.rps,
          uncachedRatio: page.uncached.ratio.rps,
          cachedRps: page.cached.rps,
          cachedRatio: page.cached.ratio.rps,
          failures: page.baseline.failures + page.uncached.failures + page.cached.failures,
        }
  }
  return out
}

/** The history as a RESULTS.md section, newest run first. */
export function renderSsrHistory(entries: readonly SsrHistoryEntry[]): string {
  const rows: string[][] = []
  for (const entry of [...entries].reverse()) {
    const run = `${entry.generatedAt.slice(0, 16).replace('T', ' ')}${entry.quick ? ' (quick)' : ''}`
    const about = [`\`${entry.commit}\``, entry.label].filter(Boolean).join(' ')
    for (const [name, page] of Object.entries(entry.pages)) {
      if ('notMeasured' in page) {
        rows.push([run, about, name, `not measured: ${page.notMeasured}`, '', '', '', '', ''])
        continue
      }
      rows.push([run, about, name, `${formatSummary(page.baselineRps)}${page.baselineKind === 'page bytes' ? ' (page bytes)' : ''}`, formatSummary(page.uncachedRps), formatSummary(page.uncachedRatio),
        formatSummary(page.cachedRps), formatSummary(page.cachedRatio), `${entry.rounds} × ${entry.loadAverageAtStart[0] ?? '?'}`])
    }
  }
  return [
    '## SSR throughput history',
    '',
    'Every run\'s SSR figures, newest first: full runs and `npm run bench -- --only ssr` runs (which leave the sections above as they were). '
    + 'Compare runs by their ratios to the static baseline of the same run; absolute req/s move with whatever else the machine was doing. '
    + 'Last column: rounds × load average (1 min) when the run started. Baselines marked "page bytes" send the page\'s own '
    + 'HTML; older runs sent ASCII filler of the same size, which the load generator reads several times faster than a page '
    + 'with non-ASCII characters (docs/benchmarks.md), so HIT ratios against the two do not compare.',
    '',
    table(['run (UTC)', 'commit', 'page', 'baseline req/s', 'uncached req/s', 'uncached ÷ baseline', 'cache HIT req/s', 'HIT ÷ baseline', 'rounds × load'], rows),
  ].join('\n')
}
