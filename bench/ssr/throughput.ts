import { roundSummary, summarize, type Summary } from '../lib/stats'
import { measured, notMeasured, type Outcome } from '../lib/outcome'
import { runLoad, type LoadOptions, type LoadRun } from './loadgen'

export interface ThroughputConfig {
  connections: number
  durationS: number
  warmupS: number
  /** Each round measures baseline, uncached and cached back to back, so a ratio compares like with like. */
  rounds: number
  /** `taskset -c` list for autocannon; the storefront is pinned elsewhere by the runner. */
  loadCpus?: string
}

export interface VariantFigures {
  rps: Summary
  /** Latency percentiles in ms. */
  p50: Summary
  p99: Summary
  requests: number
  failures: number
}

/** Per-round page/baseline ratios: rps below 1 and latency above 1 mean slower than sending static HTML. */
export interface Ratios {
  rps: Summary
  /** null when the baseline latency rounds to 0 ms (autocannon counts whole ms). */
  p50: Summary | null
  p99: Summary | null
}

export interface PageThroughput {
  path: string
  htmlBytes: number
  /** Size of the baseline response, which should equal htmlBytes. */
  baselineBytes: number
  /**
   * `page bytes`: the baseline sent the page's own HTML; `ASCII filler`: a build whose baseline route only makes
   * filler of the same size. The load generator pays more for non-ASCII bodies, so the two do not compare.
   */
  baselineKind?: 'page bytes' | 'ASCII filler'
  baseline: VariantFigures
  uncached: VariantFigures & { ratio: Ratios }
  cached: VariantFigures & { ratio: Ratios }
}

// The page cache (server/middleware/02.pageCache.ts) serves anonymous pages; a request carrying a signed-in
// marker cookie is rendered for that request only (x-cache: BYPASS). The render is the same one the cache
// would do: the session check runs on every SSR request, signed in or not.
const UNCACHED_HEADERS = { cookie: 'sf_session=bench' }

function figures(runs: LoadRun[]): VariantFigures {
  return {
    rps: roundSummary(summarize(runs.map(r => r.rps)), 1),
    p50: summarize(runs.map(r => r.p50)),
    p99: summarize(runs.map(r => r.p99)),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
  }
}

function latencyRatio(page: LoadRun[], base: LoadRun[], pick: (r: LoadRun) => number): Summary | null {
  if (base.some(r => pick(r) <= 0)) return null
  return roundSummary(summarize(page.map((r, i) => pick(r) / pick(base[i]!))), 2)
}

function ratios(page: LoadRun[], base: LoadRun[]): Ratios {
  return {
    rps: roundSummary(summarize(page.map((r, i) => r.rps / base[i]!.rps)), 3),
    p50: latencyRatio(page, base, r => r.p50),
    p99: latencyRatio(page, base, r => r.p99),
  }
}

/** Checks that the two variants really are uncached and cached before spending minutes measuring them. */
async function probe(webUrl: string, path: string): Promise<{ htmlBytes: number, html: Buffer } | string> {
  const bypass = await fetch(webUrl + path, { headers: UNCACHED_HEADERS })
  await bypass.arrayBuffer()
  if (bypass.status !== 200) return `${path} answered ${bypass.status}`
  if (bypass.headers.get('x-cache') !== 'BYPASS') return `${path} with a signed-in cookie was not a cache bypass (x-cache: ${bypass.headers.get('x-cache')})`
  await (await fetch(webUrl + path)).arrayBuffer()
  const cached = await fetch(webUrl + path)
  const html = Buffer.from(await cached.arrayBuffer())
  if (cached.headers.get('x-cache') !== 'HIT') return `${path} was not served from the page cache on a repeat (x-cache: ${cached.headers.get('x-cache')})`
  return { htmlBytes: html.byteLength, html }
}

/** requests/s and latency of a page uncached and cached, each against static HTML of its size, in one run. */
export async function measurePageThroughput(webUrl: string, path: string, config: ThroughputConfig): Promise<Outcome<PageThroughput>> {
  const probed = await probe(webUrl, path)
  if (typeof probed === 'string') return notMeasured(probed)
  const load: LoadOptions = { connections: config.connections, durationS: config.durationS, warmupS: config.warmupS, cpus: config.loadCpus }
  // The page's own bytes where the build can (see server/routes/__bench/static.get.ts), else filler of its size.
  const baselineUrl = `${webUrl}/__bench/static?bytes=${probed.htmlBytes}&like=${encodeURIComponent(path)}`
  const baseCheck = await fetch(baselineUrl)
  const baseBody = Buffer.from(await baseCheck.arrayBuffer())
  const baseBytes = baseBody.byteLength
  const baselineKind = baseBody.equals(probed.html) ? 'page bytes' : 'ASCII filler'
  if (baseCheck.status !== 200) return notMeasured(`baseline route answered ${baseCheck.status}: is NUXT_BENCH=1 set and server/routes/__bench/static.get.ts in the build?`)

  const runs = { baseline: [] as LoadRun[], uncached: [] as LoadRun[], cached: [] as LoadRun[] }
  for (let round = 0; round < config.rounds; round++) {
    runs.baseline.push(await runLoad(baselineUrl, load))
    runs.uncached.push(await runLoad(webUrl + path, { ...load, headers: UNCACHED_HEADERS }))
    runs.cached.push(await runLoad(webUrl + path, load))
  }
  return measured({
    path,
    htmlBytes: probed.htmlBytes,
    baselineBytes: baseBytes,
    baselineKind,
    baseline: figures(runs.baseline),
    uncached: { ...figures(runs.uncached), ratio: ratios(runs.uncached, runs.baseline) },
    cached: { ...figures(runs.cached), ratio: ratios(runs.cached, runs.baseline) },
  })
}
