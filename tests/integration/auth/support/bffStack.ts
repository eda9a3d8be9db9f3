import { afterAll, afterEach, beforeAll } from 'vitest'
import type { AuthDeps } from '~/server/utils/auth/deps'
import { startDemoApi, type RunningDemoApi } from '../../../mocks/testing/startDemoApi'
import { startTestBff, type TestBff } from './bffServer'

export interface BffStack {
  /** The demo backend, with fault injection; the faults a test adds are cleared after it. */
  readonly api: RunningDemoApi
  /** A BFF in front of that backend for the current test, closed after it. */
  startBff(overrides?: Partial<AuthDeps>): Promise<TestBff>
}

/**
 * A demo backend for the tests of one file (started before them, stopped after them) and a BFF each test starts
 * with the settings it needs. Read `api` inside tests, once the file's beforeAll has run.
 */
export function useBffStack(options: { seedProducts: number }): BffStack {
  let api: RunningDemoApi | undefined
  let bff: TestBff | undefined
  const started = (): RunningDemoApi => {
    if (!api) throw new Error('useBffStack: read api inside tests, after beforeAll')
    return api
  }
  beforeAll(async () => {
    api = await startDemoApi({ seedProducts: options.seedProducts, faults: true })
  })
  afterAll(async () => {
    await api?.close()
  })
  afterEach(async () => {
    await bff?.close()
    bff = undefined
    if (api) await fetch(`${api.url}/__faults/`, { method: 'DELETE' })
  })
  return {
    get api() {
      return started()
    },
    async startBff(overrides = {}) {
      await bff?.close()
      bff = await startTestBff(started().url, overrides)
      return bff
    },
  }
}
