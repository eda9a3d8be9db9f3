import { defineConfig } from '@playwright/test'
import { chromiumLaunch, chromiumProjects } from './tests/e2e/support/chromium'

// Each worker starts its own demo backend and storefront (the same build, free ports: tests/e2e/support/test.ts),
// so specs that inject faults or read the backend's stats and outbox cannot disturb specs in another worker.
// Spec files are shared out between workers; the tests of one file run in order in one worker.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
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
