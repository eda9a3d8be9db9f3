import { freePort } from '../../../bench/lib/ports'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { startRedis, type Running } from '../../integration/server/support/processes'
import { createInstance, type Instance } from './instances'
import { startNginx, type RunningNginx } from './nginx'

/** The compose topology on loopback: Redis, the demo backend, three built storefronts and nginx in front. */
export interface Cluster {
  redis: Running
  api: RunningDemoApi
  instances: Instance[]
  lb: RunningNginx
  /** The shop's public origin: the load balancer. */
  siteUrl: string
  /** Backend requests per route since the last call, and resets the count. */
  takeStats(): Promise<{ total: number, routes: Record<string, number> }>
  stop(): Promise<void>
}

export async function startCluster(options: { instances?: number, seedProducts?: number, env?: Record<string, string> } = {}): Promise<Cluster> {
  const count = options.instances ?? 3
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()))
  const lbPort = await freePort()
  const siteUrl = `http://127.0.0.1:${lbPort}`
  const [redis, api] = await Promise.all([startRedis(), startDemoApi({ seedProducts: options.seedProducts ?? 300, faults: true })])
  // What compose.yaml gives each instance, with loopback addresses.
  const env = {
    NUXT_API_BASE: api.url,
    NUXT_PUBLIC_SITE_URL: siteUrl,
    NUXT_REDIS_URL: redis.url,
    NUXT_AUTH_TRUST_PROXY: 'true',
    ...options.env,
  }
  const instances = ports.map((port, i) => createInstance(`storefront-${i + 1}`, { port, env }))
  await Promise.all(instances.map(instance => instance.start()))
  const lb = await startNginx(ports, lbPort)
  await fetch(`${api.url}/__stats/`, { method: 'DELETE' })
  return {
    redis,
    api,
    instances,
    lb,
    siteUrl,
    async takeStats() {
      const stats = await (await fetch(`${api.url}/__stats/`)).json() as { total: number, routes: Record<string, number> }
      await fetch(`${api.url}/__stats/`, { method: 'DELETE' })
      return stats
    },
    async stop() {
      await lb.stop()
      await Promise.all(instances.map(instance => instance.stop()))
      await api.close()
      await redis.stop()
    },
  }
}
