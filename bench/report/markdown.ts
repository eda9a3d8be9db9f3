import type { BenchResults } from '../lib/results'
import type { NotMeasured } from '../lib/outcome'
import { flattenJson } from './flatten'
import { formatSummary, table } from './format'
import { renderSsrHistory, type SsrHistoryEntry } from './ssrHistory'
import { searchRows } from './searchTable'

export { formatSummary }

/** The cells after a row's name for a figure that was not taken: the reason, then blanks. */
function notMeasuredCells(outcome: NotMeasured, width: number): string[] {
  return [`not measured: ${outcome.reason}`, ...Array<string>(width - 1).fill('')]
}

function ssrSection(results: BenchResults): string {
  const { config } = results.ssr
  const rows: string[][] = []
  for (const [name, page] of Object.entries(results.ssr.pages)) {
    if (page.status !== 'measured') {
      rows.push([name, ...notMeasuredCells(page, 7)])
      continue
    }
    const base = page.baseline
    rows.push([`${name} (${Math.round(page.htmlBytes / 1024)} KiB)`, page.baselineKind === 'page bytes' ? 'baseline: the page\'s HTML, static' : 'baseline: static HTML', formatSummary(base.rps), formatSummary(base.p50), formatSummary(base.p99), '1', '1', String(base.failures)])
    for (const variant of ['uncached', 'cached'] as const) {
      const v = page[variant]
      rows.push([name, variant === 'cached' ? 'SWR page cache' : 'uncached SSR', formatSummary(v.rps), formatSummary(v.p50), formatSummary(v.p99), formatSummary(v.ratio.rps), formatSummary(v.ratio.p99), String(v.failures)])
    }
  }
  return [
    '## SSR throughput',
    '',
    `autocannon, ${config.connections} connections, ${config.durationS} s per run after a ${config.warmupS} s warm-up, ${config.rounds} round(s); each round measures baseline, uncached and cached back to back. `
    + `Ratios are per round against the baseline of that round (req/s: higher is better; p99: lower is better).`,
    '',
    table(['page', 'variant', 'req/s', 'p50 ms', 'p99 ms', 'req/s ÷ baseline', 'p99 ÷ baseline', 'non-2xx'], rows),
  ].join('\n')
}

function weightSection(results: BenchResults): string {
  const rows = Object.entries(results.jsWeight).map(([name, weight]) => {
    if (weight.status !== 'measured') return [name, ...notMeasuredCells(weight, 5)]
    const verdict = weight.budgetKiB === null ? '' : weight.jsGzipKiB <= weight.budgetKiB ? ` / ${weight.budgetKiB} ok` : ` / ${weight.budgetKiB} OVER`
    return [name, `${weight.jsGzipKiB}${verdict}`, String(weight.jsRawKiB), String(weight.cssGzipKiB), String(weight.inlineCssGzipKiB), String(weight.files)]
  })
  return ['## JS and CSS weight (first view, KiB)', '', 'Deterministic for a build; `npm test` checks JS gzip against bench/budgets.json.', '',
    table(['page', 'JS gzip / budget', 'JS raw', 'CSS gzip (linked)', 'CSS gzip (inline)', 'JS files'], rows)].join('\n')
}

function lighthouseSection(results: BenchResults): string {
  const rows = Object.entries(results.lighthouse.pages).map(([name, lh]) => {
    if (lh.status !== 'measured') return [`${name} (${results.pages[name] ?? ''})`, ...notMeasuredCells(lh, 7)]
    const retried = lh.attempts > lh.performance.runs ? ` (${lh.attempts - lh.performance.runs} failed run retried)` : ''
    return [`${name}${retried}`, formatSummary(lh.performance), formatSummary(lh.accessibility), formatSummary(lh.bestPractices), formatSummary(lh.seo), formatSummary(lh.lcpMs), formatSummary(lh.cls), formatSummary(lh.tbtMs)]
  })
  return [`## Lighthouse 12 (mobile preset, median of ${results.lighthouse.runs})`, '',
    table(['page', 'perf', 'a11y', 'best practices', 'SEO', 'LCP ms', 'CLS', 'TBT ms'], rows)].join('\n')
}

function hydrationSection(results: BenchResults): string {
  const rows = Object.entries(results.hydration.pages).map(([name, h]) => {
    if (h.status !== 'measured') return [name, ...notMeasuredCells(h, 4)]
    return [name, formatSummary(h.apiRequests), formatSummary(h.afterLoad), h.urls.length ? h.urls.map(u => `\`${u}\``).join(', ') : '—', formatSummary(h.jsByIdleKiB)]
  })
  return [`## Hydration (median of ${results.hydration.runs}, target 0)`, '', 'fetch/XHR requests the browser sends to /api from navigation until the network is idle after hydration (images under /api/media are not counted). '
    + 'The last column is all the JavaScript fetched by then with no interaction, gzip: the first view (the budgeted figure) plus what loads when idle: lazily hydrated search box and filter panel, the api transport, the toast container (there before a failure needs it, even offline) and the page chunks NuxtLink prefetches for visible links. The virtualizer loads on the first scroll, so it is not in it.', '',
    table(['page', 'API requests', 'of which after load', 'requests seen', 'JS by idle, KiB gzip'], rows)].join('\n')
}

function scrollSection(results: BenchResults): string {
  const { runs, result } = results.infiniteScroll
  const title = `## Infinite scroll (median of ${runs})`
  if (result.status !== 'measured') return `${title}\n\nnot measured: ${result.reason}`
  const rows = result.points.map(({ target, loaded, figures: f }) => [
    String(target), formatSummary(loaded), formatSummary(f.cardsInDom), formatSummary(f.domNodes), formatSummary(f.longTasks),
    formatSummary(f.longTaskMs), formatSummary(f.longestTaskMs), f.longestScrollTaskMs ? formatSummary(f.longestScrollTaskMs) : '—', formatSummary(f.jsHeapUsedMb), formatSummary(f.elapsedMs),
  ])
  return [title, '', `\`${result.path}\` at ${result.viewport.width}×${result.viewport.height}, scrolled to the end until the target was loaded (bench/catalog/infiniteScroll.ts). Long tasks are counted from navigation; "longest after first page" only counts tasks that started once the second page was requested (appending pages, recycling rows; not the page load and hydration). Heap after a forced GC.`, '',
    table(['target', 'loaded', 'cards in DOM', 'DOM nodes', 'long tasks', 'long-task ms', 'longest task ms', 'longest after first page ms', 'JS heap MB', 'elapsed ms'], rows)].join('\n')
}

function externalSection(title: string, outcome: BenchResults['search'], known?: (data: unknown) => string[][] | null): string {
  if (outcome.status !== 'measured') return `## ${title}\n\nnot measured: ${outcome.reason}`
  const rows = known?.(outcome.data) ?? flattenJson(outcome.data).map(([key, value]) => [`\`${key}\``, value])
  return [`## ${title}`, '', `From \`${outcome.script}\`.`, '', table(['figure', 'value'], rows)].join('\n')
}

export function renderMarkdown(results: BenchResults, history: readonly SsrHistoryEntry[] = []): string {
  const { machine, pinning } = results
  const head = [
    '# Benchmark results',
    '',
    `Generated ${results.generatedAt} by \`npm run bench\`${results.quick ? ' --quick (one short round: not for comparison)' : ''} in ${results.durationS} s. `
    + `Figures are median (min–max) of the runs. Meaning and method: docs/benchmarks.md.`,
    '',
    `Machine: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average at start ${machine.loadAverageAtStart.join(' / ')}. `
    + (pinning ? `Pinned: storefront on CPU ${pinning.web}, demo backend on ${pinning.api}, load generator on ${pinning.load}.` : 'Not pinned (fewer than 2 CPUs).'),
    `Build: ${results.build.builtAt}${results.build.rebuilt ? ' (rebuilt by this run)' : ''}. Pages: ${Object.entries(results.pages).map(([n, p]) => `${n} = \`${p}\``).join(', ')}.`,
  ].join('\n')
  const timing = table(['section', 'seconds'], Object.entries(results.sectionsS).map(([name, s]) => [name, String(s)]))
  return [head, ssrSection(results), weightSection(results), lighthouseSection(results), hydrationSection(results),
    scrollSection(results), externalSection('Search', results.search, searchRows), `## Time per section\n\n${timing}`,
    ...(history.length > 0 ? [renderSsrHistory(history)] : [])].join('\n\n') + '\n'
}
