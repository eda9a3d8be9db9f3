// How much a server render's retries cost, and what they buy (issue 19). Not part of `npm run bench`: run it when the
// SSR retry settings are in question.
//
//   npx tsx bench/chaos/retryBudget.ts                 # ~3 minutes on 2 cores, needs a build
//   npx tsx bench/chaos/retryBudget.ts --samples 40
//   npx tsx bench/chaos/retryBudget.ts --retries 2 --cooldown-ms 3000 --blip-only   # the breaker's share of a blip
//
// 1. Consecutive 503s: before each render of /products (signed-in cookie, so the page cache is bypassed), the demo
//    backend is told to answer the product list with k 503s; the render's retries either get past them (200) or not
//    (the page answers 503). Latency per (retries, k).
// 2. A deploy blip: 10 connections render /products while the backend answers every call 503 for 1.5 s. Counts the
//    pages that failed and how long failures went on after the backend was back (the process-wide breaker).
import { argv } from 'node:process'
import { startStack, type RunningStack } from '../lib/servers'
import { median, round } from '../lib/stats'

const BYPASS = { cookie: 'sf_session=bench' }
function option(name: string): string | undefined {
  const at = argv.indexOf(name)
  return at >= 0 ? argv[at + 1] : undefined
}
const samples = Number(option('--samples')) || 25
const retryCounts = option('--retries') ? [Number(option('--retries'))] : [1, 2, 3]
const cooldownMs = option('--cooldown-ms')
const blipOnly = argv.includes('--blip-only')

async function fault(stack: RunningStack, rule: Record<string, unknown> | null): Promise<void> {
  const init = rule ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) } : { method: 'DELETE' }
  const response = await fetch(`${stack.apiBase}/__faults/`, init)
  if (!response.ok) throw new Error(`fault ${response.status}`)
}

async function render(stack: RunningStack): Promise<{ ms: number, status: number }> {
  const started = performance.now()
  const response = await fetch(`${stack.webUrl}/products`, { headers: BYPASS })
  await response.arrayBuffer()
  return { ms: performance.now() - started, status: response.status }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

async function consecutive(stack: RunningStack, retries: number): Promise<string[]> {
  const rows: string[] = []
  for (const k of [0, 1, 2, 3]) {
    const times: number[] = []
    let ok = 0
    for (let i = 0; i < samples; i++) {
      await fault(stack, null)
      if (k > 0) await fault(stack, { path_pattern: '/products/', method: 'GET', status: 503, count: k })
      const { ms, status } = await render(stack)
      times.push(ms)
      if (status === 200) ok++
      // Let the breaker's run of failures be broken by a success, as other traffic would.
      await render(stack)
    }
    rows.push(`| ${retries} | ${k} | ${round(median(times))} | ${round(percentile(times, 0.9))} | ${round(Math.max(...times))} | ${ok}/${samples} |`)
  }
  return rows
}

async function blip(stack: RunningStack, retries: number): Promise<string> {
  await fault(stack, null)
  const results: Array<{ at: number, status: number }> = []
  const start = performance.now()
  let running = true
  const worker = async () => {
    while (running) {
      const { status } = await render(stack)
      results.push({ at: performance.now() - start, status })
    }
  }
  const workers = Array.from({ length: 10 }, worker)
  await new Promise(resolve => setTimeout(resolve, 1_000))
  const downAt = performance.now() - start
  await fault(stack, { path_pattern: '/*', status: 503 })
  await new Promise(resolve => setTimeout(resolve, 1_500))
  await fault(stack, null)
  const upAt = performance.now() - start
  await new Promise(resolve => setTimeout(resolve, 14_000))
  running = false
  await Promise.all(workers)
  const failed = results.filter(r => r.status !== 200)
  const lastFailure = Math.max(0, ...failed.map(r => r.at))
  const duringBlip = results.filter(r => r.at >= downAt && r.at <= upAt + 500)
  return `| ${retries} | ${results.length} | ${failed.length} | ${duringBlip.filter(r => r.status === 200).length}/${duringBlip.length} | ${round((lastFailure - upAt) / 1000, 1)} s |`
}

async function main(): Promise<void> {
  const table = ['| SSR retries | consecutive 503s | median ms | p90 ms | max ms | pages 200 |', '| --- | --- | --- | --- | --- | --- |']
  const blips = ['| SSR retries | renders | failed pages | 200 while down (+0.5 s) | failures after the backend was back |', '| --- | --- | --- | --- | --- |']
  for (const retries of retryCounts) {
    const stack = await startStack({
      seedProducts: 2_000,
      webEnv: {
        NUXT_PUBLIC_API_SSR_MAX_RETRIES: String(retries),
        NUXT_PUBLIC_API_SSR_RETRY_BUDGET_MS: '10000',
        ...cooldownMs ? { NUXT_PUBLIC_API_BREAKER_COOLDOWN_MS: cooldownMs } : {},
      },
    })
    try {
      for (let i = 0; i < 10; i++) await render(stack)
      if (!blipOnly) table.push(...await consecutive(stack, retries))
      blips.push(await blip(stack, retries))
    }
    finally {
      await stack.stop()
    }
    console.error(`retries=${retries} measured`)
  }
  if (!blipOnly) console.log(`${table.join('\n')}\n`)
  if (cooldownMs) console.log(`breaker cooldown ${cooldownMs} ms`)
  console.log(blips.join('\n'))
}

await main()
