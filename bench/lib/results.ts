import type { Outcome } from './outcome'
import type { ExternalResult } from './external'
import type { PageThroughput, ThroughputConfig } from '../ssr/throughput'
import type { PageWeight } from '../jsweight/weights'
import type { LighthouseFigures } from '../lighthouse/lighthouse'
import type { HydrationFigures } from '../hydration/hydration'
import type { ScrollFigures } from '../scroll/scroll'

/** bench/results.json: everything one `npm run bench` measured, and the conditions it measured under. */
export interface BenchResults {
  generatedAt: string
  /** `--quick`: one short round of everything, for trying the bench out; not for comparing. */
  quick: boolean
  durationS: number
  machine: { cpus: number, cpuModel: string, node: string, loadAverageAtStart: number[] }
  build: { rebuilt: boolean, builtAt: string }
  /** Which CPUs the storefront, the demo backend and the load generator were pinned to (null: not pinned). */
  pinning: { web: string, api: string, load: string } | null
  /** Wall time of each section in seconds. */
  sectionsS: Record<string, number>
  pages: Record<string, string>
  ssr: { config: ThroughputConfig, pages: Record<string, Outcome<PageThroughput>> }
  jsWeight: Record<string, Outcome<PageWeight>>
  lighthouse: { runs: number, pages: Record<string, Outcome<LighthouseFigures>> }
  hydration: { runs: number, pages: Record<string, Outcome<HydrationFigures>> }
  infiniteScroll: { runs: number, result: Outcome<ScrollFigures> }
  search: Outcome<ExternalResult>
}
