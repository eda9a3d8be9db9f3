// Infinite-scroll cost on /products: card count in the DOM, long tasks and JS heap after 1,000 and 5,000 products.
//   npx tsx bench/catalog/infiniteScroll.ts [--out bench/catalog/infinite-scroll.json] [--runs 1]
// Without a running stack it starts one (built storefront + demo backend, 10,000 products). The bench runner can
// call measureInfiniteScroll(webUrl) on its own stack instead.
import { mkdir, writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { dirname } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from '@playwright/test'
import { startStack } from '../lib/servers'
import { observeLongTasks, sample, scrollUntilLoaded, type ScrollSample } from './scrollProbe'

export interface InfiniteScrollOptions {
  /** Loaded-product counts at which to sample. */
  targets?: number[]
  /** Page size asked in the URL (1..100); bigger pages mean fewer requests for the same scroll. */
  pageSize?: number
  viewport?: { width: number, height: number }
  /**
   * Abort product image requests. The demo backend's images are SVGs, and every SVG <img> is a document that
   * Blink keeps in its heap (tens of KB each, counted in the JS heap): with images on, the heap figure mostly
   * measures how many images were scrolled past, not the app. Off isolates the app's own memory.
   */
  blockImages?: boolean
}

export interface InfiniteScrollResult {
  path: string
  blockImages: boolean
  viewport: { width: number, height: number }
  samples: ScrollSample[]
}

export async function measureInfiniteScroll(webUrl: string, options: InfiniteScrollOptions = {}): Promise<InfiniteScrollResult> {
  const targets = options.targets ?? [1000, 5000]
  const viewport = options.viewport ?? { width: 1280, height: 900 }
  const path = `/products?page_size=${options.pageSize ?? 100}`
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const page = await browser.newPage({ viewport })
    await observeLongTasks(page)
    if (options.blockImages) await page.route('**/media/**', route => route.abort())
    const startedAt = Date.now()
    await page.goto(webUrl + path)
    await page.getByRole('list', { name: 'Products' }).waitFor()
    const samples: ScrollSample[] = []
    for (const target of targets) {
      await scrollUntilLoaded(page, target)
      samples.push(await sample(page, startedAt))
    }
    return { path, blockImages: options.blockImages ?? false, viewport, samples }
  }
  finally {
    await browser.close()
  }
}

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback
}

async function main(): Promise<void> {
  const out = arg('out', 'bench/catalog/infinite-scroll.json')
  const runs = Number(arg('runs', '1'))
  const stack = await startStack({ seedProducts: 10_000 })
  try {
    const results: InfiniteScrollResult[] = []
    for (let i = 0; i < runs; i++) {
      results.push(await measureInfiniteScroll(stack.webUrl))
      results.push(await measureInfiniteScroll(stack.webUrl, { blockImages: true }))
    }
    // Long tasks and elapsed time depend on what else the machine is doing: the load average says how busy it was.
    const report = { measuredAt: new Date().toISOString(), loadAverage: loadavg().map(l => Math.round(l * 100) / 100), runs: results }
    await mkdir(dirname(out), { recursive: true })
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`)
    for (const result of results) {
      for (const s of result.samples) {
        console.log(`${result.blockImages ? 'no images ' : 'images    '}${String(s.loaded).padStart(5)} loaded: ${s.cardsInDom} cards, ${s.domNodes} DOM nodes, ${s.longTasks} long tasks (${s.longTaskMs} ms, longest ${s.longestTaskMs} ms, after the first page ${s.longestScrollTaskMs} ms), heap ${s.jsHeapUsedMb} MB, ${s.elapsedMs} ms`)
      }
    }
    console.log(`written to ${out}`)
  }
  finally {
    await stack.stop()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
