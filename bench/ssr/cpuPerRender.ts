// `npx tsx bench/ssr/cpuPerRender.ts --a <dir> [--b <dir>] [--a-node-options "..."] [--b-node-options ""] [--rounds 3]
//   [--seconds 8] [--pages products,product,crawl]`: the storefront's CPU time per uncached render, A and B
// alternately on the same machine (what `npm run bench` cannot give on a shared machine: its req/s move with the
// neighbours, a process's own CPU time much less). `crawl` renders distinct product pages, newest first, the way a
// crawler walks the catalogue: nothing a render could keep for the next one (a content cache) helps it.
// `products-hit`, `product-hit`: page-cache HITs (no cookie); `products-static`, `product-static`: the bench's
// static baseline of the same bytes (server/routes/__bench/static.get.ts).
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { SERVER_NODE_OPTIONS, startStack } from '../lib/servers'
import { samplePages } from '../lib/pages'
import { summarize } from '../lib/stats'
import { runLoad } from './loadgen'

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name)
  return at >= 0 ? process.argv[at + 1] ?? fallback : fallback
}

const UNCACHED = { cookie: 'sf_session=bench' }
const pinning = cpus().length >= 2 ? { web: '0', api: '1', load: '1' } : undefined
const variants = [
  { name: 'A', dir: option('--a', '.output'), nodeOptions: option('--a-node-options', SERVER_NODE_OPTIONS) },
  ...(process.argv.includes('--b') ? [{ name: 'B', dir: option('--b', '.output'), nodeOptions: option('--b-node-options', SERVER_NODE_OPTIONS) }] : []),
]
const rounds = Number(option('--rounds', '3'))
const seconds = Number(option('--seconds', '8'))
const pages = option('--pages', 'products,product,crawl').split(',')

/** utime + stime of a process, in ms (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}

/** Up to `count` products, newest first, following the backend's cursor pages. */
async function productPaths(webUrl: string, count: number): Promise<string[]> {
  const paths: string[] = []
  let next: string | null = `${webUrl}/api/products/?page_size=100`
  while (next && paths.length < count) {
    const page = await (await fetch(next)).json() as { next: string | null, results: { id: number, slug: string }[] }
    paths.push(...page.results.map(product => `/products/${product.id}-${product.slug}`))
    next = page.next ? new URL(page.next, webUrl).href : null
  }
  return paths.slice(0, count)
}

/** Distinct product pages, 10 at a time, each rendered once, for up to `seconds`: a crawl's renders. */
async function crawl(webUrl: string, paths: readonly string[], seconds: number): Promise<number> {
  let next = 0
  let done = 0
  const until = Date.now() + seconds * 1000
  await Promise.all(Array.from({ length: 10 }, async () => {
    while (Date.now() < until && next < paths.length) {
      const path = paths[next++]!
      const page = await fetch(webUrl + path, { headers: UNCACHED, redirect: 'manual' })
      await page.arrayBuffer()
      if (page.status !== 200) throw new Error(`${path} answered ${page.status}`)
      done++
    }
  }))
  return done
}

const results = new Map<string, number[]>()
for (let round = 0; round < rounds; round++) {
  for (const variant of variants) {
    const stack = await startStack({ outputDir: variant.dir, webEnv: { NUXT_BENCH: '1', NODE_OPTIONS: variant.nodeOptions }, cpus: pinning })
    try {
      const sample = await samplePages(stack.webUrl)
      for (const page of pages) {
        const pagePath = page.startsWith('product-') || page === 'product' ? sample['product page']! : '/products'
        const path = page.endsWith('-static') ? `/__bench/static?like=${encodeURIComponent(pagePath)}` : pagePath
        const headers = page.endsWith('-hit') || page.endsWith('-static') ? undefined : UNCACHED
        for (let i = 0; i < 20; i++) await (await fetch(stack.webUrl + path, { headers })).arrayBuffer()
        const crawlPaths = page === 'crawl' ? await productPaths(stack.webUrl, 2_000) : []
        const before = cpuMs(stack.webPid!)
        const requests = page === 'crawl'
          ? await crawl(stack.webUrl, crawlPaths, seconds)
          : (await runLoad(stack.webUrl + path, { connections: 10, durationS: seconds, warmupS: 0, headers, cpus: pinning?.load })).requests
        const perRequest = (cpuMs(stack.webPid!) - before) / requests
        const key = `${page} ${variant.name}`
        results.set(key, [...results.get(key) ?? [], perRequest])
        console.log(`round ${round + 1} ${key}: ${perRequest.toFixed(3)} ms CPU per request (${requests} requests)`)
      }
    }
    finally {
      await stack.stop()
    }
  }
}
console.log('\n| page | variant | ms CPU per request, median (min-max) |\n| --- | --- | --- |')
for (const [key, values] of results) {
  const s = summarize(values)
  const [page, variant] = key.split(' ')
  console.log(`| ${page} | ${variant} (${variants.find(v => v.name === variant)!.nodeOptions || 'Node defaults'}) | ${s.median.toFixed(3)} (${s.min.toFixed(3)}-${s.max.toFixed(3)}) |`)
}
