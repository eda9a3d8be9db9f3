import { Agent, request } from 'node:http'
import type { Cluster } from './cluster'
import type { Instance } from './instances'
import { emptyTally, guestCartsNow, runLoad, type LoadPlan, type LoadTally } from './loadRun'

export interface RestartPlan extends Omit<LoadPlan, 'lb' | 'stopped' | 'onRequest'> {
  restart: Instance
}

export interface RestartOutcome {
  /** /readyz of the instance after SIGTERM, asked on a keep-alive connection it already had. */
  readinessWhileDraining: { status: number, body: unknown }
  /** Status of a slow request that was in flight at the instance when SIGTERM came. */
  inFlight: number
  exitCode: number | null
  /** From SIGTERM to exit. */
  drainMs: number
  /** From start to listening again. */
  startMs: number
  /** Requests nginx passed to the instance after it was back. */
  servedAfterRestart: number
}

export interface RestartRun {
  tally: LoadTally
  restart: RestartOutcome
  guestCartsAfter: Array<Record<number, number>>
  unrecovered: LoadTally['unrecovered']
  summary: string
}

/** Requests before the restart, so every kind of traffic is flowing and the page cache is warm. */
const WARM_UP_REQUESTS = 300
/** The restarted instance must be back in nginx's rotation before the load stops. */
const SERVED_AFTER_RESTART = 20
const SLOW_MS = 1_500

function getOn(agent: Agent, url: string): Promise<{ status: number, body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

/** SIGTERM with a request in flight, readiness read while draining, exit, start again on the same port. */
async function restart(cluster: Cluster, instance: Instance): Promise<Omit<RestartOutcome, 'servedAfterRestart'>> {
  const api = cluster.api.url
  // Only this request asks for that product; the fault (removed below) holds it at the backend for SLOW_MS.
  const slowProduct = cluster.api.backend.db.products.at(-1)!.id
  await fetch(`${api}/__faults/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path_pattern: `/products/${slowProduct}/`, method: 'GET', latency_ms: SLOW_MS }) })
  const inFlight = fetch(`${instance.url}/api/products/${slowProduct}/`).then(response => response.status, () => 0)
  await waitFor('the slow request to reach the backend', async () => {
    const faults = await (await fetch(`${api}/__faults/`)).json() as Array<{ matched: number }>
    return (faults[0]?.matched ?? 0) >= 1 ? true : undefined
  })

  // A keep-alive connection to the instance, opened just before the signal (as nginx holds them).
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  expect200(await getOn(agent, `${instance.url}/readyz`))
  const stopping = instance.stop('SIGTERM')
  const readinessWhileDraining = await waitFor('readiness to turn 503', async () => {
    const answer = await getOn(agent, `${instance.url}/readyz`)
    return answer.status === 503 ? answer : undefined
  })
  const inFlightStatus = await inFlight
  const { code, ms } = await stopping
  agent.destroy()
  await fetch(`${api}/__faults/`, { method: 'DELETE' })
  const started = Date.now()
  await instance.start()
  return { readinessWhileDraining, inFlight: inFlightStatus, exitCode: code, drainMs: ms, startMs: Date.now() - started }
}

function expect200(answer: { status: number }): void {
  if (answer.status !== 200) throw new Error(`instance not ready before the restart: ${answer.status}`)
}

/** The load through nginx; one instance restarted once it is warm; the load goes on until that instance serves again. */
export async function restartUnderLoad(cluster: Cluster, plan: RestartPlan): Promise<RestartRun> {
  const tally = emptyTally(plan.guests.length, plan.buyers.length)
  let stopped = false
  let warm: () => void = () => {}
  const warmedUp = new Promise<void>(resolve => (warm = resolve))
  const began = Date.now()
  const load = runLoad({
    ...plan,
    lb: cluster.lb.url,
    stopped: () => stopped,
    onRequest: (counts) => {
      if (counts.requests >= WARM_UP_REQUESTS) warm()
    },
  }, tally)

  let outcome: RestartOutcome
  try {
    await warmedUp
    const linesBefore = (await cluster.lb.accessLog()).length
    const restarted = await restart(cluster, plan.restart)
    const address = plan.restart.url.replace('http://', '')
    const servedAfterRestart = await waitFor('the restarted instance to serve through nginx again', async () => {
      const served = (await cluster.lb.accessLog()).slice(linesBefore).filter(line => line.upstreams.at(-1) === address).length
      return served >= SERVED_AFTER_RESTART ? served : undefined
    })
    outcome = { ...restarted, servedAfterRestart }
  }
  finally {
    stopped = true
    await load
  }

  const guestCartsAfter = await guestCartsNow(cluster.lb.url, plan.guests)
  const log = await cluster.lb.accessLog()
  const passedOn = log.filter(line => line.upstreams.length > 1).length
  const pageAnswers = Object.values(tally.cache).reduce((sum, n) => sum + n, 0)
  const hits = tally.cache.HIT ?? 0
  const kinds = Object.entries(tally.byKind).map(([kind, { requests, failed }]) => `${kind} ${requests}${failed ? ` (${failed} failed)` : ''}`).join(', ')
  const summary = [
    `${tally.requests} requests in ${((Date.now() - began) / 1000).toFixed(1)} s through nginx: ${kinds}`,
    `failed attempts ${tally.failures.length}, never succeeded ${tally.unrecovered.length}`,
    `page cache HIT ${hits}/${pageAnswers} (${((100 * hits) / Math.max(1, pageAnswers)).toFixed(1)} %; ${JSON.stringify(tally.cache)})`,
    `nginx passed ${passedOn} requests on to another instance`,
    `restart: drained and exited ${outcome.exitCode} in ${outcome.drainMs} ms, listening again after ${outcome.startMs} ms, then served ${outcome.servedAfterRestart}`,
    `orders placed ${tally.orders.reduce((sum, orders) => sum + orders.size, 0)}`,
  ].join('; ')
  return { tally, restart: outcome, guestCartsAfter, unrecovered: tally.unrecovered, summary }
}
