// Where a page's start-up spends the main thread on a phone: a sampling CPU profile of page loads in Chromium at 4x
// CPU throttling (Lighthouse's mobile preset), from navigation until a few seconds after hydration (idle-hydrated
// parts included), as self time per function averaged over the loads. How issue 21 found Intl's and the collator's
// set-up costs (docs/benchmarks.md). A diagnosis tool: it prints, it does not go into bench/RESULTS.md.
//
//   npx tsx bench/hydration/profileStartup.ts [path|page name] [--loads 3] [--top 30]
//
// Needs a build (npm run build). Minified names: look the offsets up in .output/public/_nuxt/<file>.
import { chromium } from '@playwright/test'
import { waitForHydration } from '../../tests/e2e/support/hydration'
import { weightPages } from '../lib/pages'
import { startStack } from '../lib/servers'

interface CallFrame { functionName: string, url: string, lineNumber: number, columnNumber: number }
interface ProfileNode { id: number, callFrame: CallFrame, children?: number[] }
interface Profile { nodes: ProfileNode[], samples: number[], timeDeltas: number[] }

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run']
const SETTLE_MS = 3000

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? process.argv[at + 1] : undefined
}

const target = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '/products'
const loads = Number(option('loads') ?? 3)
const top = Number(option('top') ?? 30)
const chromePath = option('chrome') ?? '/usr/bin/chromium'

function selfTimes(profile: Profile, origin: string): Map<string, number> {
  const nodes = new Map(profile.nodes.map(node => [node.id, node]))
  const times = new Map<string, number>()
  profile.samples.forEach((id, index) => {
    const frame = nodes.get(id)?.callFrame
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') return
    const where = frame.url.replace(origin, '').replace(/^.*\/_nuxt\//, '')
    const key = `${frame.functionName || '(anonymous)'}  ${where}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
    times.set(key, (times.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000)
  })
  return times
}

const stack = await startStack({ seedProducts: 200 })
try {
  const pages = await weightPages(stack.webUrl)
  const path = pages[target] ?? target
  const browser = await chromium.launch({ executablePath: chromePath, args: LAUNCH_ARGS })
  const total = new Map<string, number>()
  for (let load = 0; load < loads; load++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    await page.goto(stack.webUrl + path, { waitUntil: 'load' })
    await waitForHydration(page)
    // Idle-hydrated parts and their chunks: what Lighthouse's blocking time still sees after the first paint.
    await new Promise(resolve => setTimeout(resolve, SETTLE_MS))
    const { profile } = await cdp.send('Profiler.stop') as { profile: Profile }
    for (const [key, ms] of selfTimes(profile, stack.webUrl)) total.set(key, (total.get(key) ?? 0) + ms)
    await context.close()
  }
  await browser.close()
  const sum = [...total.values()].reduce((a, b) => a + b, 0) / loads
  console.log(`${path}: ${sum.toFixed(0)} ms of main thread per load at 4x (${loads} loads), self time by function:`)
  for (const [key, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(ms / loads).toFixed(1).padStart(8)}  ${key}`)
}
finally {
  await stack.stop()
}
