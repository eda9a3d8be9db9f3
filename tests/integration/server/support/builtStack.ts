import { afterAll, beforeAll } from 'vitest'
import type { DemoProfile } from '../../../mocks/profile'
import { startDemoApi, type RunningDemoApi } from '../../../mocks/testing/startDemoApi'
import { startStorefront, type Running } from './processes'

// Apart from processes.ts, which Playwright specs import too: vitest's hooks must not load in Playwright.
export interface BuiltStack {
  /** The demo backend (its seeded database is `api.backend.db`). */
  readonly api: RunningDemoApi
  /** The built storefront, talking to that backend. */
  readonly web: Running
}

/**
 * A demo backend and the built storefront for the tests of one file: started before them, stopped after them.
 * Read `api` and `web` inside tests (they exist once the file's beforeAll has run).
 */
export function useBuiltStack(options: { seedProducts: number, siteUrl?: string, profile?: Partial<DemoProfile>, env?: Record<string, string> }): BuiltStack {
  let api: RunningDemoApi | undefined
  let web: Running | undefined
  beforeAll(async () => {
    api = await startDemoApi({ seedProducts: options.seedProducts, faults: false, profile: options.profile })
    web = await startStorefront({ apiBase: api.url, siteUrl: options.siteUrl ?? 'http://shop.test', env: options.env })
  })
  afterAll(async () => {
    await web?.stop()
    await api?.close()
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useBuiltStack: read api and web inside tests, after beforeAll')
    return value
  }
  return {
    get api() { return started(api) },
    get web() { return started(web) },
  }
}
