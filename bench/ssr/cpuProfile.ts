import { existsSync, readFileSync } from 'node:fs'
import { SourceMap } from 'node:module'
import { fileURLToPath } from 'node:url'

/** The parts of a V8 `.cpuprofile` (node --cpu-prof) this reads. */
export interface CpuProfile {
  nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number, columnNumber: number }, children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

export interface ProfileRow {
  name: string
  ms: number
  /** Share of all sampled time, idle included. */
  share: number
}

export interface ProfileSummary {
  totalMs: number
  /** Self time by package or source folder (`h3`, `vue`, `server/utils`, `(garbage collector)`, ...). */
  byArea: ProfileRow[]
  /** Self time by function, with its original source file. */
  byFunction: ProfileRow[]
  /** Time with a frame of the given area anywhere on the stack (a function's own time plus what it called). */
  inclusive: ProfileRow[]
  /** Self time by what it is for (phaseOf): the summary docs/benchmarks.md shows before and after a change. */
  byPhase: ProfileRow[]
}

const PHASES: [RegExp, string][] = [
  [/^\(garbage collector\)$/, 'garbage collection'],
  [/^\((idle|program)\)$/, 'idle / V8'],
  [/^(@vue\/|vue-bundle-renderer$|components|pages|layouts)/, 'Vue: components and SSR rendering'],
  [/^(nuxt$|vue-router$|unhead$|pinia$|hookable$|@vueuse|stores|services|utils|app$|plugins$|composables\/(?!core))/, 'Nuxt app: plugins, router, head, stores, composables'],
  [/^devalue$/, 'payload serialization (devalue)'],
  [/^(composables\/core|ofetch$|cockatiel$)/, 'api core (ofetch, retries, errors)'],
  [/^(dompurify$|jsdom$|parse5$|isomorphic-dompurify$|whatwg-|tough-cookie$|cssstyle$|nwsapi$|css-tree$|entities$|tr46$|webidl)/, 'description sanitizer (DOMPurify on jsdom)'],
  [/^(nuxt-security$|server\/plugins)/, 'security headers, CSP, page-cache and other Nitro plugins'],
  [/^server\//, 'BFF, proxy, page cache (server/utils, middleware, api)'],
  [/^(h3$|nitropack$|node-mock-http$|radix3$|ufo$|defu$|scule$|klona$|destr$|\.nitro$|server\/chunks$|unenv$|pathe$|cookie-es$|iron-webcrypto$|uncrypto$|nuxt\/nitro)/, 'Nitro / h3 request handling'],
  [/^(node internals|\(native\))$/, 'Node: HTTP, fetch (undici), streams, crypto'],
]

/** What a package or folder's time is for, in the words of the profile summary. */
export function phaseOf(area: string): string {
  return PHASES.find(([pattern]) => pattern.test(area))?.[1] ?? 'other'
}

const maps = new Map<string, SourceMap | null>()

function mapFor(url: string): SourceMap | null {
  if (maps.has(url)) return maps.get(url)!
  let map: SourceMap | null = null
  try {
    const file = url.startsWith('file:') ? fileURLToPath(url) : url
    if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')))
  }
  catch {
    map = null
  }
  maps.set(url, map)
  return map
}

/** The original source file of a frame, through the build's source maps when there is one. */
function sourceOf(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const { url, lineNumber, columnNumber } = frame
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)'
  const entry = mapFor(url)?.findEntry(lineNumber, columnNumber)
  return entry && 'originalSource' in entry && entry.originalSource ? entry.originalSource : url
}

/** `node_modules/@vue/server-renderer/...` -> `@vue/server-renderer`; our own files -> their first two folders. */
export function areaOf(source: string): string {
  if (source.startsWith('(')) return source
  if (source.startsWith('node:')) return 'node internals'
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)
  if (pkg) return pkg[1]!
  const own = /(?:^|\/)(server|composables|components|pages|plugins|stores|services|utils|app|layouts|middleware)\/(?:([^/]+)\/)?/.exec(source)
  if (own) return own[2] && !own[2].includes('.') ? `${own[1]}/${own[2]}` : own[1]!
  if (source.includes('virtual:') || source.includes('#internal')) return 'nuxt/nitro (generated)'
  return source.replace(/^.*\//, '')
}

function rows(totals: Map<string, number>, totalMs: number, limit: number): ProfileRow[] {
  return [...totals.entries()]
    .map(([name, ms]) => ({ name, ms: Math.round(ms), share: Math.round((ms / totalMs) * 1000) / 10 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, limit)
}

/**
 * Self and inclusive time of a profile, grouped so a reader sees where a request's CPU goes. `fromUs`: ignore
 * samples taken before this monotonic time in µs (V8 stamps samples with the system's monotonic clock, the one
 * `process.hrtime` reads), e.g. the server's start-up before the load began.
 */
export function summarizeProfile(profile: CpuProfile, limit = 20, fromUs = 0): ProfileSummary {
  const byId = new Map(profile.nodes.map(node => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const selfMs = new Map<number, number>()
  // timeDeltas[i] is the time since the previous sample; it is charged to the sample it ends.
  let at = profile.startTime
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0
    if (at >= fromUs) selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })

  const area = new Map<number, string>()
  const label = new Map<number, string>()
  for (const node of profile.nodes) {
    const source = sourceOf(node.callFrame)
    area.set(node.id, areaOf(source))
    label.set(node.id, `${node.callFrame.functionName || '(anonymous)'} ${source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}`)
  }

  const byArea = new Map<string, number>()
  const byFunction = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let totalMs = 0
  for (const [id, ms] of selfMs) {
    totalMs += ms
    byArea.set(area.get(id)!, (byArea.get(area.get(id)!) ?? 0) + ms)
    byFunction.set(label.get(id)!, (byFunction.get(label.get(id)!) ?? 0) + ms)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = area.get(at)!
      if (!seen.has(name)) {
        seen.add(name)
        inclusive.set(name, (inclusive.get(name) ?? 0) + ms)
      }
      if (!byId.has(at)) break
    }
  }
  const byPhase = new Map<string, number>()
  for (const [name, ms] of byArea) byPhase.set(phaseOf(name), (byPhase.get(phaseOf(name)) ?? 0) + ms)
  return {
    totalMs: Math.round(totalMs),
    byArea: rows(byArea, totalMs, limit),
    byFunction: rows(byFunction, totalMs, limit),
    inclusive: rows(inclusive, totalMs, limit),
    byPhase: rows(byPhase, totalMs, limit),
  }
}
