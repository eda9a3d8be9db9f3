// `npx tsx bench/cart/quantityRequests.ts`: how many PATCH requests ten presses on a cart line's "+" cost, at
// several click paces and backend latencies, in a real browser against the built storefront and the demo backend.
// Counted at the backend (/__stats/), with the quantity the screen and the backend end at. Needs `npm run build`.
import { chromium, type Page } from '@playwright/test'
import { startStack } from '../lib/servers'
import { waitForHydration } from '../../tests/e2e/support/hydration'

interface Case { label: string, latencyMs: number, gapMs: number | 'burst' }

const CASES: Case[] = [
  { label: 'one burst (10 clicks in one task)', latencyMs: 0, gapMs: 'burst' },
  { label: 'back-to-back clicks, local backend', latencyMs: 0, gapMs: 0 },
  { label: 'back-to-back clicks, 300 ms backend', latencyMs: 300, gapMs: 0 },
  { label: 'a click every 100 ms, 300 ms backend', latencyMs: 300, gapMs: 100 },
  { label: 'a click every 100 ms, 50 ms backend', latencyMs: 50, gapMs: 100 },
]

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
const stack = await startStack({ seedProducts: 200 })
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })

async function backend(path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(`${stack.apiBase}${path}`, { ...init, headers: { 'content-type': 'application/json' } })
  return response.status === 204 ? null : response.json()
}

async function productWithStock(): Promise<{ id: number, title: string }> {
  const list = await backend('/products/?page_size=100&in_stock=true') as { results: Array<{ id: number, has_variants?: boolean }> }
  for (const summary of list.results) {
    if (summary.has_variants) continue
    const detail = await backend(`/products/${summary.id}/`) as { id: number, title: string, stock: number }
    if (detail.stock >= 20) return detail
  }
  throw new Error('no product with 20 in stock')
}

async function run(page: Page, product: { id: number, title: string }, test: Case): Promise<string> {
  await page.context().clearCookies()
  await page.goto(`${stack.webUrl}/`)
  await page.evaluate(async id => fetch('/api/cart/items/', { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'storefront' }, body: JSON.stringify({ product_id: id, quantity: 1 }) }), product.id)
  await page.goto(`${stack.webUrl}/cart`)
  await waitForHydration(page)
  const field = page.getByRole('textbox', { name: `Quantity of ${product.title}` })
  await field.waitFor()
  await backend('/__faults/', { method: 'DELETE' })
  if (test.latencyMs) await backend('/__faults/', { method: 'POST', body: JSON.stringify({ path_pattern: '/cart/items/*', method: 'PATCH', latency_ms: test.latencyMs }) })
  const plus = page.getByRole('button', { name: `Increase quantity of ${product.title}` })
  const started = Date.now()
  if (test.gapMs === 'burst') {
    await plus.evaluate((button: HTMLElement) => {
      for (let i = 0; i < 10; i++) button.click()
    })
  }
  else {
    for (let i = 0; i < 10; i++) {
      await plus.click()
      if (test.gapMs) await sleep(test.gapMs)
    }
  }
  const clicking = Date.now() - started
  await page.waitForFunction(() => !document.body.textContent?.includes('Updating…'))
  const settled = Date.now() - started
  const stats = await backend('/__stats/') as { routes: Record<string, number> }
  const cart = await page.evaluate(async () => (await fetch('/api/cart/')).json()) as { items: Array<{ quantity: number }> }
  const patches = stats.routes['PATCH /cart/items/{id}/'] ?? 0
  return `| ${test.label} | ${clicking} | ${settled} | ${patches} | ${await field.inputValue()} | ${cart.items[0]?.quantity} |`
}

try {
  const product = await productWithStock()
  const page = await browser.newPage()
  console.log('| case | clicking ms | settled ms | PATCH requests | on screen | at backend |')
  console.log('| --- | --- | --- | --- | --- | --- |')
  for (const test of CASES) console.log(await run(page, product, test))
}
finally {
  await browser.close()
  await backend('/__faults/', { method: 'DELETE' }).catch(() => {})
  await stack.stop()
}
