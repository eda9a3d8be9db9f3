import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { startStorefront, type Running } from '../server/support/processes'
import { DEMO } from './support/bffServer'

// Request ids hold both ways through a render's in-process refresh: a signed-in render that meets a 401 refreshes
// through the BFF route as a Nitro sub-request (server/utils/backend/gateway.ts, renderBff), and that sub-request's
// backend call must carry the page request's id, the one the page's response returns. Needs `npx nuxi build` first.

interface Seen { method: string, path: string, headers: IncomingMessage['headers'] }

const PAGE_ID = 'page-render-41'
const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'])

let api: RunningDemoApi
let recorder: Server
let web: Running
let productPath: string
let seen: Seen[] = []
/** The request id (`*`: any) whose first call with an access token the recorder answers 401, as an expired token's. */
let expireFor: string | undefined

/** A recording hop in front of the demo backend: what the storefront sent, header by header, then the real answer. */
async function relay(req: IncomingMessage): Promise<Response> {
  const path = req.url ?? ''
  seen.push({ method: req.method ?? '', path, headers: req.headers })
  if (expireFor && (expireFor === '*' || req.headers['x-request-id'] === expireFor) && req.headers.authorization) {
    expireFor = undefined
    // What DRF SimpleJWT answers for an access token past its expiry.
    return new Response(JSON.stringify({ detail: 'Given token not valid for any token type', code: 'token_not_valid' }), {
      status: 401,
      headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="api"' },
    })
  }
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && !HOP_BY_HOP.has(name)) headers.set(name, value)
  }
  const body = chunks.length ? Buffer.concat(chunks) : undefined
  return fetch(api.url + path.replace(/^\/api/, ''), { method: req.method, headers, body })
}

function refreshCookieOf(response: Response): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const match = /^sf_refresh=([^;]*)/.exec(line)
    if (match) return match[1]
  }
  return undefined
}

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: 5, faults: false })
  recorder = createServer((req, res) => {
    relay(req).then(async (answer) => {
      const headers: Record<string, string> = {}
      answer.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') headers[name] = value
      })
      res.writeHead(answer.status, headers)
      res.end(Buffer.from(await answer.arrayBuffer()))
    }, () => {
      res.writeHead(500)
      res.end()
    })
  })
  await new Promise<void>(resolve => recorder.listen(0, '127.0.0.1', resolve))
  const recorderBase = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}/api`
  web = await startStorefront({ apiBase: recorderBase, siteUrl: 'http://127.0.0.1' })
  const list = await (await fetch(`${api.url}/products/?page_size=1`)).json() as { results: { id: number, slug: string }[] }
  productPath = `/products/${list.results[0]!.id}-${list.results[0]!.slug}`
})

afterAll(async () => {
  await web?.stop()
  recorder?.closeAllConnections()
  await new Promise(resolve => recorder ? recorder.close(resolve) : resolve(undefined))
  await api?.close()
})

beforeEach(() => {
  seen = []
  expireFor = undefined
})

async function signIn(): Promise<string> {
  const login = await fetch(`${web.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'origin': web.url, 'x-requested-with': 'storefront' },
    body: JSON.stringify(DEMO),
  })
  expect(login.status).toBe(200)
  return refreshCookieOf(login)!
}

/** The backend's refresh calls since the last reset, and that the render met the expired token at all. */
function refreshesSeen(): Seen[] {
  expect(expireFor, 'the render met the expired token').toBeUndefined()
  return seen.filter(call => call.method === 'POST' && call.path === '/api/auth/token/refresh/')
}

describe('a signed-in render whose access token has expired', () => {
  it('refreshes with the id the page request carried, and returns that id', async () => {
    const cookie = await signIn()
    seen = []
    expireFor = PAGE_ID

    const page = await fetch(web.url + productPath, { headers: { 'cookie': `sf_refresh=${cookie}`, 'x-request-id': PAGE_ID } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Account: Demo Shopper')
    expect(page.headers.get('x-request-id')).toBe(PAGE_ID)
    const refreshes = refreshesSeen()
    expect(refreshes).toHaveLength(1)
    expect(refreshes[0]!.headers['x-request-id']).toBe(PAGE_ID)
    // Every backend call made for the page carried its id, the replay after the refresh included.
    for (const call of seen) expect(call.headers['x-request-id'], `${call.method} ${call.path}`).toBe(PAGE_ID)
  })

  it('refreshes with the id the server gave a page request that carried none, and returns that id', async () => {
    const cookie = await signIn()
    seen = []
    // The server's id is known only from its answer: expire the token of the first authorized call of the page.
    expireFor = '*'

    const page = await fetch(web.url + productPath, { headers: { cookie: `sf_refresh=${cookie}` } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Account: Demo Shopper')
    const given = page.headers.get('x-request-id')
    expect(given).toMatch(/^[\w-]{36}$/)
    const refreshes = refreshesSeen()
    expect(refreshes).toHaveLength(1)
    expect(refreshes[0]!.headers['x-request-id']).toBe(given)
    for (const call of seen) expect(call.headers['x-request-id'], `${call.method} ${call.path}`).toBe(given)
  })
})
