import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CursorPageDto, ProductSummaryDto } from '../../../services/dto'
import { startDemoApi } from '../../mocks/testing/startDemoApi'
import type { RunningDemoApi } from '../../mocks/testing/startDemoApi'

describe('startDemoApi (in-process HTTP server)', () => {
  let api: RunningDemoApi
  beforeAll(async () => {
    api = await startDemoApi({ seedProducts: 1000 })
  })
  afterAll(() => api.close())

  it('serves /api/__health/ and builds absolute URLs from the Host the client used', async () => {
    expect((await fetch(`${api.url}/__health/`)).status).toBe(200)
    const viaLocalhost = api.url.replace('127.0.0.1', 'localhost')
    const page = await (await fetch(`${viaLocalhost}/products/?page_size=1`)).json() as CursorPageDto<ProductSummaryDto>
    expect(page.next?.startsWith(`${viaLocalhost}/products/`)).toBe(true)
  })

  it('honours X-Forwarded-Host, as behind the storefront proxy', async () => {
    const response = await fetch(`${api.url}/products/?page_size=1`, { headers: { 'X-Forwarded-Host': 'shop.example:3000' } })
    const page = await response.json() as CursorPageDto<ProductSummaryDto>
    expect(page.results[0]?.image.url).toMatch(/^http:\/\/shop\.example:3000\/api\/media\/products\/\d+\.svg$/)
  })

  it('serves product images as cacheable SVG', async () => {
    const response = await fetch(`${api.url}/media/products/1.svg`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/svg+xml')
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400')
    expect(await response.text()).toMatch(/^<svg /)
  })

  it('answers CORS preflights and HEAD requests', async () => {
    const preflight = await fetch(`${api.url}/cart/items/`, { method: 'OPTIONS', headers: { 'Origin': 'http://x.test', 'Access-Control-Request-Method': 'POST' } })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/)
    const head = await fetch(`${api.url}/products/`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('keeps up with 400 concurrent-ish requests without an error', async () => {
    const statuses: number[] = []
    await Promise.all(Array.from({ length: 20 }, async (_, worker) => {
      for (let i = 0; i < 20; i++) {
        const filter = i % 2 ? 'in_stock=true' : `search=${worker}`
        const response = await fetch(`${api.url}/products/?page_size=24&ordering=price&brand=nordpeak&${filter}`)
        await response.arrayBuffer()
        statuses.push(response.status)
      }
    }))
    expect(statuses.filter(s => s !== 200)).toEqual([])
  })
})

describe('npm run demo-api (tests/mocks/cli/serve.ts)', () => {
  it('logs its URL when ready, honours DEMO_FAULTS=0 and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/mocks/cli/serve.ts'], {
      env: { ...process.env, DEMO_API_PORT: '0', DEMO_SEED_PRODUCTS: '500', DEMO_FAULTS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const lines = createInterface({ input: child.stdout })
    const [line] = await once(lines, 'line') as [string]
    const url = /^demo-api listening on (http:\/\/127\.0\.0\.1:\d+\/api)$/.exec(line)?.[1]
    expect(url).toBeDefined()
    expect((await fetch(`${url}/__health/`)).status).toBe(200)
    expect((await fetch(`${url}/__faults/`, { method: 'POST', body: '{}' })).status).toBe(404)
    const products = await (await fetch(`${url}/products/`)).json() as CursorPageDto<ProductSummaryDto>
    expect(products.results).toHaveLength(24)
    child.kill('SIGTERM')
    const [code] = await once(child, 'exit') as [number | null]
    expect(code).toBe(0)
  })
})
