// `npx tsx bench/ssr/profile.ts [--output-dir dir] [--page /products|product] [--variant uncached|cached] [--seconds 10] [--keep file.cpuprofile]`:
// where a server render's CPU goes. Starts the stack like `npm run bench` (storefront pinned to CPU 0) with
// `node --cpu-prof`, puts the page under load for a while, stops the server so V8 writes the profile, and prints
// self time by package/source folder, inclusive time per area and the hottest functions (through source maps).
import { cpus, tmpdir } from 'node:os'
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { startStack } from '../lib/servers'
import { samplePages } from '../lib/pages'
import { runLoad } from './loadgen'
import { summarizeProfile, type CpuProfile, type ProfileRow } from './cpuProfile'

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name)
  return at >= 0 ? process.argv[at + 1] ?? fallback : fallback
}

const outputDir = option('--output-dir', '.output')
const variant = option('--variant', 'uncached')
const seconds = Number(option('--seconds', '10'))
const pinning = cpus().length >= 2 ? { web: '0', api: '1', load: '1' } : undefined
const profileDir = await mkdtemp(join(tmpdir(), 'ssr-profile-'))

const stack = await startStack({ outputDir, webEnv: { NUXT_BENCH: '1' }, cpus: pinning, webNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] })
let requests = 0
let loadStartUs = 0
let page = option('--page', '/products')
try {
  if (page === 'product') page = (await samplePages(stack.webUrl))['product page']!
  const headers = variant === 'uncached' ? { cookie: 'sf_session=bench' } : undefined
  // Warm the page cache for the cached variant, and every lazy module for both.
  for (let i = 0; i < 3; i++) await (await fetch(stack.webUrl + page, { headers })).arrayBuffer()
  loadStartUs = Number(process.hrtime.bigint() / 1000n)
  const run = await runLoad(stack.webUrl + page, { connections: 10, durationS: seconds, warmupS: 0, headers, cpus: pinning?.load })
  requests = run.requests
  console.log(`${variant} ${page}: ${Math.round(run.rps)} req/s, ${run.requests} requests, ${run.failures} failures (load from ${loadStartUs} µs)`)
}
finally {
  await stack.stop()
}

const file = (await readdir(profileDir)).find(name => name.endsWith('.cpuprofile'))
if (!file) throw new Error(`no profile written to ${profileDir}`)
const summary = summarizeProfile(JSON.parse(await readFile(join(profileDir, file), 'utf8')) as CpuProfile, 25, loadStartUs)
const keep = option('--keep', '')
if (keep) await copyFile(join(profileDir, file), keep)
await rm(profileDir, { recursive: true, force: true })

const perRequest = (ms: number) => (requests > 0 ? (ms / requests).toFixed(2) : '?')
const table = (title: string, rows: ProfileRow[]) => [
  `### ${title}`, '', '| what | ms | share | ms per request |', '| --- | --- | --- | --- |',
  ...rows.map(row => `| ${row.name} | ${row.ms} | ${row.share} % | ${perRequest(row.ms)} |`), '',
].join('\n')
console.log(`\nprofile: ${summary.totalMs} ms sampled while under load (idle included)\n`)
console.log(table('Where the time goes (self time by phase)', summary.byPhase))
console.log(table('Self time by area', summary.byArea))
console.log(table('Inclusive time by area (the area anywhere on the stack)', summary.inclusive))
console.log(table('Hottest functions (self time)', summary.byFunction))
