import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { DEMO_USER_EMAIL, DEMO_USER_PASSWORD } from '../../mocks/seed/constants'
import { startRedis, startStorefront, type RunningRedis, type RunningStorefront } from './support/processes'

// A fresh instance signs a shopper in while its Redis connections are still being made: the calls wait for the first
// connection (server/utils/storage/firstConnection.ts) instead of failing at once, which declined the first
// sign-ins of an instance with 503. A proxy in front of Redis holds the connections open and silent until the test
// lets them through, as a connection being made (TLS, AUTH, another zone) is. Needs `npm run build` first.

/** A TCP proxy to `target` that accepts connections but passes nothing either way until `release()`. */
async function holdingProxy(targetPort: number): Promise<{ url: string, held: () => number, release: () => void, close: () => Promise<void> }> {
  const waiting: Socket[] = []
  const sockets = new Set<Socket>()
  let released = false
  const pass = (client: Socket) => {
    const upstream = connect(targetPort, '127.0.0.1')
    sockets.add(upstream)
    client.pipe(upstream).pipe(client)
    const end = () => {
      client.destroy()
      upstream.destroy()
    }
    client.on('error', end).on('close', end)
    upstream.on('error', end).on('close', end)
  }
  const server: Server = createServer((client) => {
    sockets.add(client)
    if (released) pass(client)
    else waiting.push(client)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held: () => waiting.length,
    release: () => {
      released = true
      for (const client of waiting.splice(0)) pass(client)
    },
    close: () => {
      for (const socket of sockets) socket.destroy()
      return new Promise(resolve => server.close(() => resolve()))
    },
  }
}

let api: RunningDemoApi
let redis: RunningRedis
let proxy: Awaited<ReturnType<typeof holdingProxy>>
let web: RunningStorefront

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: 1, faults: false })
  redis = await startRedis()
  proxy = await holdingProxy(Number(new URL(redis.url).port))
  web = await startStorefront({ apiBase: api.url, siteUrl: 'http://127.0.0.1', redisUrl: proxy.url })
})

afterAll(async () => {
  await web?.stop()
  await proxy?.close()
  await redis?.stop()
  await api?.close()
})

it('signs in while the instance\'s Redis connections are still being made, once they are', async () => {
  // One connection per shared mount (cache, auth, ratelimit), all accepted and none through yet.
  await expect.poll(() => proxy.held()).toBe(3)
  const signIn = fetch(`${web.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'origin': web.url, 'x-requested-with': 'storefront' },
    body: JSON.stringify({ email: DEMO_USER_EMAIL, password: DEMO_USER_PASSWORD }),
  })
  // The connections get through a moment after the shopper asked (well within the sign-in's 1 s storage bound).
  const through = setTimeout(() => proxy.release(), 200)
  const answer = await signIn
  clearTimeout(through)
  expect(answer.status, await answer.clone().text()).toBe(200)
  expect(await answer.json()).toMatchObject({ user: { email: DEMO_USER_EMAIL } })
  expect((await fetch(`${web.url}/readyz`)).status).toBe(200)
})
