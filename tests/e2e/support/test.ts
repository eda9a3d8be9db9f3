import { test as base } from '@playwright/test'
import { startWorkerStack, type WorkerStack } from './workerStack'

// Every spec imports `test` from here, not from '@playwright/test': each worker gets its own demo backend and
// storefront, so one spec's injected faults, outbox and stats never reach a spec running in another worker.
// Everything else is Playwright's own.
export * from '@playwright/test'

export const test = base.extend<object, { stack: WorkerStack }>({
  // Playwright reads a fixture's dependencies from its first parameter: this one has none.
  // eslint-disable-next-line no-empty-pattern
  stack: [async ({}, use) => {
    const stack = await startWorkerStack()
    // The support helpers read the backend's address from here (tests/e2e/*/support.ts).
    process.env.E2E_API_BASE = stack.apiBase
    await use(stack)
    await stack.stop()
  }, { scope: 'worker', auto: true, timeout: 90_000 }],
  baseURL: async ({ stack }, use) => {
    await use(stack.webUrl)
  },
})
