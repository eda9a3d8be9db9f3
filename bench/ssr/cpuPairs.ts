// `npx tsx bench/ssr/cpuPairs.ts --a <dir> --b <dir> [--pairs 8] [--seconds 3] [--pages products,product]
//   [--a-node-options "..."] [--b-node-options "..."]`: CPU per uncached render of two builds, both running at once
// and loaded alternately in short slices (A B, then B A, ...), each B compared with the A next to it.
// cpuPerRender.ts restarts the stack each round and measures a few long runs; on a machine whose neighbours come and
// go every minute, that spread (±15 %) hid differences of 3-8 %. Here both builds see the same minute, and the paired
// ratio B/A cancels most of what the neighbours do. Storefronts pinned to CPU 0, backends and load to CPU 1.
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { SERVER_NODE_OPTIONS, startStack, type RunningStack } from '../lib/servers'
import { samplePages } from '../lib/pages'
import { summarize } from '../lib/stats'
import { runLoad } from './loadgen'

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name)
  return at >= 0 ? process.argv[at + 1] ?? fallback : fallback
}

/** utime + stime of a process, in ms (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}

const UNCACHED = { cookie: 'sf_session=bench' }
const pinning = cpus().length >= 2 ? { web: '0', api: '1' } : undefined
const pairs = Number(option('--pairs', '8'))
const seconds = Number(option('--seconds', '3'))
const pages = option('--pages', 'products,product').split(',')
const builds = [
  { name: 'A', dir: option('--a', '.output'), nodeOptions: option('--a-node-options', SERVER_NODE_OPTIONS) },
  { name: 'B', dir: option('--b', '.output'), nodeOptions: option('--b-node-options', SERVER_NODE_OPTIONS) },
]

const stacks: RunningStack[] = []
try {
  for (const build of builds) stacks.push(await startStack({ outputDir: build.dir, webEnv: { NUXT_BENCH: '1', NODE_OPTIONS: build.nodeOptions }, cpus: pinning }))
  const sample = await samplePages(stacks[0]!.webUrl)
  const pathOf = (page: string) => (page === 'product' ? sample['product page']! : page === 'products' ? '/products' : page)
  for (const stack of stacks) {
    for (const page of pages) for (let i = 0; i < 30; i++) await (await fetch(stack.webUrl + pathOf(page), { headers: UNCACHED })).arrayBuffer()
  }
  const perRequest = new Map<string, number[]>()
  for (let pair = 0; pair < pairs; pair++) {
    for (const page of pages) {
      for (const index of pair % 2 ? [1, 0] : [0, 1]) {
        const stack = stacks[index]!
        const before = cpuMs(stack.webPid!)
        const run = await runLoad(stack.webUrl + pathOf(page), { connections: 10, durationS: seconds, warmupS: 0, headers: UNCACHED, cpus: pinning?.api })
        if (run.failures > 0) throw new Error(`${builds[index]!.name} ${page}: ${run.failures} failed requests`)
        const key = `${page} ${builds[index]!.name}`
        perRequest.set(key, [...perRequest.get(key) ?? [], (cpuMs(stack.webPid!) - before) / run.requests])
      }
    }
    console.log(`pair ${pair + 1}: ${pages.map(page => `${page} ${perRequest.get(`${page} A`)!.at(-1)!.toFixed(2)} / ${perRequest.get(`${page} B`)!.at(-1)!.toFixed(2)} ms`).join(', ')}`)
  }
  console.log('\n| page | A ms CPU per request, median | B | B ÷ A, paired median (min-max) |\n| --- | --- | --- | --- |')
  for (const page of pages) {
    const a = perRequest.get(`${page} A`)!
    const b = perRequest.get(`${page} B`)!
    const ratio = summarize(b.map((value, i) => value / a[i]!))
    console.log(`| ${page} | ${summarize(a).median.toFixed(2)} | ${summarize(b).median.toFixed(2)} | ${ratio.median.toFixed(3)} (${ratio.min.toFixed(2)}-${ratio.max.toFixed(2)}) |`)
  }
}
finally {
  await Promise.all(stacks.map(stack => stack.stop()))
}
