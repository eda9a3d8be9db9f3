import { setupServer } from 'msw/node'
import { $fetch } from 'ofetch'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createApiCore, type ApiCoreConfig } from '~/composables/core/api/createApiCore'
import * as transport from '~/composables/core/api/transport'
import type { ApiRetryContext } from '~/composables/core/api/types'

/** Every unit test talks to this origin; msw answers, nothing leaves the process. */
export const ORIGIN = 'http://shop.test'
export const API = `${ORIGIN}/api`

/** One msw server per test file, reset between tests; unhandled requests fail the test. */
export function useMswServer() {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}

/**
 * The same wiring as plugins/api.ts, against the msw origin, without a cross-tab lock unless given. The transport
 * module is handed in already loaded, so fake timers see requests go out as they would once it is warm
 * (deferredClient.test.ts covers the loading itself).
 */
export function makeCore(config: Partial<ApiCoreConfig> = {}) {
  return createApiCore({ fetch: $fetch, baseURL: API, locks: null, loadTransport: async () => transport, ...config })
}

/** Records every retry the core reports. */
export function recordRetries() {
  const retries: ApiRetryContext[] = []
  return { retries, onRetry: (context: ApiRetryContext) => void retries.push(context) }
}

/** A promise plus its resolver, for handlers that answer when the test says so. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}
