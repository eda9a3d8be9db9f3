import { defineConfig } from '@playwright/test'
import { chromiumLaunch, chromiumProjects } from './tests/e2e/support/chromium'

// Each worker starts its own demo backend and storefront (the same build, free ports: tests/e2e/support/test.ts),
// so specs that inject faults or read the backend's stats and outbox cannot disturb specs in another worker.
// Spec files are shared out between workers; the tests of one file run in order in one worker.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // Still one: on the shared 2-core machine (2026-11-27, load 9-20 from other work) two workers took 7.6-12.7 min
  // against 11.5-13.4 for one, but three of five runs had one or two timing failures under that load (six different tests).
  // `--workers=2` runs isolated all the same.
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  // Builds once when the build is stale, before any worker serves it.
  globalSetup: './tests/e2e/support/globalSetup.ts',
  use: {
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunch,
  },
  projects: chromiumProjects,
})
