import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import { startStorefront, type Running } from '../../integration/server/support/processes'
import { startFakeIngest, type FakeIngest, type IngestedEvent } from './fakeIngest'
import { workerApiBase } from '../support/apiBase'

export interface MonitoredStack {
  ingest: FakeIngest
  storefront: Running
  stop(): Promise<void>
}

export const apiBase = workerApiBase

/**
 * The built storefront with monitoring on, reporting to a fake ingest on this machine, with the test fault pages
 * enabled; it shares the running worker's demo backend. Playwright's own storefront runs without a DSN.
 */
export async function startMonitoredStack(options: { tracesSampleRate?: number } = {}): Promise<MonitoredStack> {
  const ingest = await startFakeIngest()
  const storefront = await startStorefront({
    apiBase: apiBase(),
    siteUrl: 'http://127.0.0.1',
    env: {
      NUXT_PUBLIC_SENTRY_DSN: ingest.dsn,
      NUXT_PUBLIC_SENTRY_ENVIRONMENT: 'e2e',
      NUXT_PUBLIC_SENTRY_TEST_FAULTS: '1',
      NUXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE: String(options.tracesSampleRate ?? 0),
    },
  }).catch(async (error: unknown) => {
    await ingest.stop()
    throw error
  })
  const stop = async () => {
    await storefront.stop()
    await ingest.stop()
  }
  // The server starts its SDK just after it starts listening (server/plugins/monitoring.ts imports it then), and the
  // requests it takes before that are not traced. With tracing on, ask for the home page until its trace arrives:
  // the test then traces everything it does, however quickly it starts.
  if (options.tracesSampleRate) {
    await expect.poll(async () => {
      await fetch(`${storefront.url}/`).catch(() => null)
      return ingest.transactions().some(transaction => transaction.transaction === 'GET /')
    }, { message: 'the monitored storefront traces its requests', timeout: 20_000 }).toBe(true).catch(async (error: unknown) => {
      await stop()
      throw error
    })
  }
  return { ingest, storefront, stop }
}

/** The built browser chunks that hold the Sentry SDK (they name it "sentry.javascript..." in every envelope). */
export function sdkChunks(): string[] {
  const dir = '.output/public/_nuxt'
  return readdirSync(dir).filter(file => file.endsWith('.js') && readFileSync(join(dir, file), 'utf8').includes('sentry.javascript')).map(file => `/_nuxt/${file}`)
}

/** Holds the SDK chunks back until release(); `requested` resolves when the page asks for the first of them. */
export async function holdSdk(page: Page): Promise<{ requested: Promise<void>, release: () => void }> {
  const chunks = new Set(sdkChunks())
  let release!: () => void
  const released = new Promise<void>(resolve => (release = resolve))
  let requested!: () => void
  const asked = new Promise<void>(resolve => (requested = resolve))
  await page.route(url => chunks.has(url.pathname), async (route) => {
    requested()
    await released
    await route.continue()
  })
  return { requested: asked, release }
}

/** Resolves once the page has fetched the SDK chunk, i.e. monitoring is about to take over from the early buffer. */
export function sdkLoaded(page: Page): Promise<unknown> {
  const chunks = new Set(sdkChunks())
  return page.waitForResponse(response => chunks.has(new URL(response.url()).pathname))
}

/** Waits (polling, no fixed sleep) for the first error event that matches, and returns it. */
export async function eventWhere(ingest: FakeIngest, description: string, match: (event: IngestedEvent) => boolean): Promise<IngestedEvent> {
  await expect.poll(() => ingest.events().some(match), { message: `an event: ${description}`, timeout: 15_000 }).toBe(true)
  return ingest.events().find(match)!
}

export const exceptionValue = (event: IngestedEvent): string => event.exception?.values?.at(-1)?.value ?? ''

export async function addFault(fault: { path_pattern: string, status?: number, count?: number, method?: string }): Promise<void> {
  const response = await fetch(`${apiBase()}/__faults/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) })
  if (response.status !== 201) throw new Error(`POST /__faults/ answered ${response.status}`)
}

export async function resetFaults(): Promise<void> {
  await fetch(`${apiBase()}/__faults/`, { method: 'DELETE' })
}

/** The last requests the demo backend received, with the request id and sentry-trace they carried. */
export async function receivedRequests(): Promise<Array<{ route: string, request_id: string | null, sentry_trace: string | null }>> {
  const response = await fetch(`${apiBase()}/__stats/`)
  return ((await response.json()) as { recent: Array<{ route: string, request_id: string | null, sentry_trace: string | null }> }).recent
}
