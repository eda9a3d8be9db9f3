import { defineConfig } from '@playwright/test'
import { freePort } from './bench/lib/ports'
import { staleBuildReason } from './bench/lib/build'
import { chromiumLaunch, chromiumProjects } from './tests/e2e/support/chromium'

// Free ports are chosen once by the runner and passed to workers through env.
process.env.E2E_WEB_PORT ??= String(await freePort())
process.env.E2E_API_PORT ??= String(await freePort())
const webPort = process.env.E2E_WEB_PORT
const apiPort = process.env.E2E_API_PORT
const apiBase = `http://127.0.0.1:${apiPort}/api`
process.env.E2E_API_BASE = apiBase

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${webPort}`,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunch,
  },
  projects: chromiumProjects,
  webServer: [
    {
      command: 'node --import tsx tests/mocks/cli/serve.ts',
      url: `${apiBase}/__health/`,
      env: { DEMO_API_PORT: apiPort, DEMO_FAULTS: '1', DEMO_STOREFRONT_URL: `http://127.0.0.1:${webPort}` },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      // Built again when a source changed since the last build: an old build would pass for code it does not contain.
      command: `${await staleBuildReason() ? 'npm run --silent build && ' : ''}node .output/server/index.mjs`,
      url: `http://127.0.0.1:${webPort}/`,
      env: { PORT: webPort, HOST: '127.0.0.1', NUXT_API_BASE: apiBase, NUXT_PUBLIC_SITE_URL: `http://127.0.0.1:${webPort}` },
      reuseExistingServer: false,
      timeout: 300_000,
    },
  ],
})
