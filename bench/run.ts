// `npm run bench [-- --quick] [-- --only ssr] [-- --label text]`: measures the production build against the demo
// backend and writes bench/results.json and bench/RESULTS.md (a run with --only leaves those sections as they were
// and adds its SSR figures to bench/ssr-history.json). What each figure means: docs/benchmarks.md.
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { prepareBuild } from './lib/build'
import { startStack } from './lib/servers'
import { SEARCH_PAGE, samplePages, weightPages } from './lib/pages'
import { errorText, notMeasured, type Outcome } from './lib/outcome'
import { round } from './lib/stats'
import { runExternal } from './lib/external'
import type { BenchResults } from './lib/results'
import { measurePageThroughput, type ThroughputConfig } from './ssr/throughput'
import { measureWeights } from './jsweight/weights'
import { measureLighthouse } from './lighthouse/lighthouse'
import { measureHydration } from './hydration/hydration'
import { measureScroll } from './scroll/scroll'
import { renderMarkdown } from './report/markdown'
import { parseBenchArgs, type SectionName } from './lib/args'
import { historyPages, renderSsrHistory, type SsrHistoryEntry } from './report/ssrHistory'
import { sourceRevision } from './lib/revision'

const args = parseBenchArgs(process.argv.slice(2))
// The full Chromium for Lighthouse, hydration and scroll figures (the tests drive its headless shell), Redis and so on.
execFileSync('bash', ['tests/ensure-system-deps.sh', '--bench'], { stdio: 'inherit' })
const { quick } = args
const RESULTS_JSON = 'bench/results.json'
const HISTORY_JSON = 'bench/ssr-history.json'
const started = Date.now()
const log = (line: string) => console.error(`[bench ${Math.round((Date.now() - started) / 1000)}s] ${line}`)

// With two or more cores the storefront gets core 0 to itself; backend and load generator share core 1.
const pinning = cpus().length >= 2 ? { web: '0', api: '1', load: '1' } : null
const throughput: ThroughputConfig = quick
  ? { connections: 10, durationS: 2, warmupS: 1, rounds: args.rounds ?? 1, loadCpus: pinning?.load }
  : { connections: 10, durationS: 4, warmupS: 1, rounds: args.rounds ?? 3, loadCpus: pinning?.load }
const lighthouseRuns = quick ? 1 : 3
const hydrationRuns = quick ? 1 : 3
const scrollRuns = quick ? 1 : 3

const sectionsS: Record<string, number> = {}
async function section<T>(name: SectionName, task: () => Promise<T>, fallback: (reason: string) => T): Promise<T> {
  if (!args.only.has(name)) return fallback('not run (--only)')
  const at = Date.now()
  log(`${name}...`)
  try {
    return await task()
  }
  catch (error) {
    log(`${name} failed: ${errorText(error)}`)
    return fallback(errorText(error))
  }
  finally {
    sectionsS[name] = round((Date.now() - at) / 1000, 1)
  }
}

/** Runs `measure` for each page, keeping going past a page that fails. */
async function perPage<T>(pages: Record<string, string>, measure: (path: string) => Promise<Outcome<T>>): Promise<Record<string, Outcome<T>>> {
  const out: Record<string, Outcome<T>> = {}
  for (const [name, path] of Object.entries(pages)) {
    log(`  ${name}`)
    out[name] = await measure(path).catch((error: unknown) => notMeasured(errorText(error)))
  }
  return out
}

const loadAverageAtStart = loadavg().map(v => round(v, 2))
const revision = args.buildDir ? `build ${args.buildDir}` : await sourceRevision()
const build = await prepareBuild(log, args.buildDir ?? undefined)
log(`serving a copy of the build from ${build.builtAt}${build.rebuilt ? ' (rebuilt now)' : ''}`)
const webEnv: Record<string, string> = { NUXT_BENCH: '1', ...(args.nodeOptions === null ? {} : { NODE_OPTIONS: args.nodeOptions }) }
const stack = await startStack({ outputDir: build.outputDir, webEnv, cpus: pinning ?? undefined })
let results: BenchResults
try {
  const { webUrl } = stack
  const pages = await samplePages(webUrl)
  const withSearch = { ...pages, search: SEARCH_PAGE }
  const { '/products': products, 'product page': product } = pages
  const ssrPages = { '/products': products!, 'product page': product! }

  const ssr = await section('ssr', () => perPage(ssrPages, path => measurePageThroughput(webUrl, path, throughput)), reason => ({ '/products': notMeasured(reason) }))
  const jsWeight = await section('jsWeight', async () => measureWeights(webUrl, await weightPages(webUrl), build.outputDir), reason => ({ '/products': notMeasured(reason) }))
  const hydration = await section('hydration', () => perPage(withSearch, path => measureHydration(webUrl + path, hydrationRuns, join(build.outputDir, 'public'))), reason => ({ '/products': notMeasured(reason) }))
  const external = { webUrl, apiBase: stack.apiBase, outputDir: build.outputDir }
  const outArg = (jsonPath: string) => ['--out', jsonPath]
  const infiniteScroll = await section('infiniteScroll', () => measureScroll(webUrl, scrollRuns), notMeasured)
  const search = await section('search', () => runExternal(['bench/search/run.ts'], external, { timeoutMs: 180_000, args: outArg }), notMeasured)
  const lighthouse = await section('lighthouse', () => perPage(withSearch, path => measureLighthouse(webUrl + path, lighthouseRuns)), reason => ({ '/': notMeasured(reason) }))

  results = {
    generatedAt: new Date().toISOString(),
    quick,
    durationS: 0,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageAtStart },
    build: { rebuilt: build.rebuilt, builtAt: build.builtAt },
    pinning,
    sectionsS,
    pages: withSearch,
    ssr: { config: throughput, pages: ssr },
    jsWeight,
    lighthouse: { runs: lighthouseRuns, pages: lighthouse },
    hydration: { runs: hydrationRuns, pages: hydration },
    infiniteScroll: { runs: scrollRuns, result: infiniteScroll },
    search,
  }
}
finally {
  await stack.stop()
  await build.dispose()
}

results.durationS = round((Date.now() - started) / 1000, 1)
const history: SsrHistoryEntry[] = existsSync(HISTORY_JSON) ? JSON.parse(await readFile(HISTORY_JSON, 'utf8')) as SsrHistoryEntry[] : []
if (args.only.has('ssr')) {
  history.push({
    generatedAt: results.generatedAt,
    commit: revision,
    label: args.label || (args.partial ? `--only ${[...args.only].join(',')}` : 'full run'),
    quick,
    rounds: throughput.rounds,
    loadAverageAtStart,
    pages: historyPages(results.ssr.pages),
  })
  await writeFile(HISTORY_JSON, `${JSON.stringify(history, null, 2)}\n`)
  console.log(renderSsrHistory(history.slice(-1)))
}
if (!args.partial) {
  await writeFile(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`)
  await writeFile('bench/RESULTS.md', renderMarkdown(results, history))
  log(`wrote ${RESULTS_JSON}, ${HISTORY_JSON} and bench/RESULTS.md in ${results.durationS} s`)
}
else if (existsSync(RESULTS_JSON)) {
  // The sections above stay those of the last full run; only the history grows.
  const lastFull = JSON.parse(await readFile(RESULTS_JSON, 'utf8')) as BenchResults
  await writeFile('bench/RESULTS.md', renderMarkdown(lastFull, history))
  log(`partial run (--only ${[...args.only].join(',')}): added to ${HISTORY_JSON} and its table in bench/RESULTS.md in ${results.durationS} s`)
  // What this run measured, for the terminal (the files keep the last full run's sections).
  console.log(renderMarkdown(results, []))
}

// Throughput under load must be clean: a non-2xx answer means the figure is not of the page.
const failures = Object.values(results.ssr.pages).reduce((sum, page) => sum + (page.status === 'measured' ? page.baseline.failures + page.uncached.failures + page.cached.failures : 0), 0)
if (failures > 0) {
  log(`${failures} non-2xx responses or errors under load`)
  process.exit(1)
}
