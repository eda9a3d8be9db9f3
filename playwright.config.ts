import { availableParallelism } from 'node:os'
import { defineConfig } from '@playwright/test'
import { chromiumLaunch, chromiumProjects } from './tests/e2e/support/chromium'

// Each worker starts its own demo backend and storefront (the same build, free ports: tests/e2e/support/test.ts),
// so specs that inject faults or read the backend's stats and outbox cannot disturb specs in another worker.
// Spec files are shared out between workers; the tests of one file run in order in one worker.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // Two, one per core of CI's two: measured on this machine alone (2026-11-27), 184 tests in 365 s against 454 s for
  // one worker in the same CI run, green; CI was at 870 of its 900 s with one. Under heavy load from other work
  // (load 9-20) two workers had timing failures in three of five runs: run e2e on a machine that is not busy, or
  // with `--workers=1`. A worker's stack (backend, storefront) is its own, so specs stay isolated either way.
  workers: Math.max(1, Math.min(2, availableParallelism())),
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  // Ten seconds for an assertion to come true, not Playwright's five: what several assert on is hydrated when the
  // browser is first idle (the header's cart and wishlist counts, the search box: hydrate-on-idle), which Vue waits
  // for up to 10 s, and CI's two cores are saturated by the two workers and their servers. A test failing on time
  // in CI was such a wait (the cart control, 5 s after a hydrated page). How fast things are is bench/'s to measure.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // Builds once when the build is stale, before any worker serves it.
  globalSetup: './tests/e2e/support/globalSetup.ts',
  use: {
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunch,
  },
  projects: chromiumProjects,
})
