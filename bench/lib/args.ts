/** The sections `npm run bench` can run, in the order it runs them. */
export const SECTIONS = ['ssr', 'jsWeight', 'hydration', 'infiniteScroll', 'search', 'lighthouse'] as const
export type SectionName = typeof SECTIONS[number]

export interface BenchArgs {
  /** One short round of everything: for trying the bench out, not for comparing. */
  quick: boolean
  /** The sections to run; all of them unless `--only` named some. */
  only: ReadonlySet<SectionName>
  /** True when `--only` left some section out: the run is recorded in the history, not as the full results. */
  partial: boolean
  /** Free text recorded with the run in the history (`--label "before the SSR transport"`). */
  label: string
  /** SSR throughput rounds instead of the default (3, or 1 with --quick). */
  rounds: number | null
  /** Serve this build (a copy of another checkout's .output) instead of this checkout's, e.g. to re-measure "before". */
  buildDir: string | null
  /**
   * NODE_OPTIONS for the storefront instead of production's (bench/lib/servers.ts SERVER_NODE_OPTIONS), e.g.
   * `--node-options ""` to measure a build as it ran before those options existed.
   */
  nodeOptions: string | null
}

function valueOf(argv: readonly string[], name: string): string | undefined {
  const inline = argv.find(arg => arg.startsWith(`${name}=`))
  if (inline) return inline.slice(name.length + 1)
  const at = argv.indexOf(name)
  return at >= 0 ? argv[at + 1] : undefined
}

/**
 * `npm run bench -- [--quick] [--only ssr[,hydration...]] [--label text] [--rounds n] [--build dir] [--node-options s]`.
 * Throws with the list of known sections on a name it does not know, so a typo does not silently run nothing.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const onlyText = valueOf(argv, '--only')
  const names = onlyText === undefined ? [...SECTIONS] : onlyText.split(',').map(name => name.trim()).filter(Boolean)
  const unknown = names.filter(name => !(SECTIONS as readonly string[]).includes(name))
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`--only takes a comma-separated list of ${SECTIONS.join(', ')} (got "${onlyText ?? ''}")`)
  }
  const roundsText = valueOf(argv, '--rounds')
  const rounds = roundsText === undefined ? null : Number(roundsText)
  if (rounds !== null && (!Number.isInteger(rounds) || rounds < 1 || rounds > 20)) throw new Error('--rounds takes an integer from 1 to 20')
  return {
    quick: argv.includes('--quick'),
    only: new Set(names as SectionName[]),
    partial: names.length < SECTIONS.length,
    label: valueOf(argv, '--label') ?? '',
    rounds,
    buildDir: valueOf(argv, '--build') ?? null,
    nodeOptions: valueOf(argv, '--node-options') ?? null,
  }
}
