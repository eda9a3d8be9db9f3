import { defineConfig } from '@playwright/test'
import { freePort } from '../../bench/lib/ports'
import { chromiumLaunch, chromiumProjects } from '../e2e/support/chromium'

// The shopper's walk in Chromium against a running real-DRF backend (README.md here), with the storefront as built
// (.output: run `npx nuxi build` first; nothing here rebuilds it). Not part of run.sh (its 2 minutes) nor CI:
//   DRF_REAL_DATA=/tmp/drf-walk PORT=8765 tests/drf-real/serve.sh &
//   DRF_REAL_DATA=/tmp/drf-walk DRF_REAL_API=http://127.0.0.1:8765/api npx playwright test -c tests/drf-real/playwright.config.ts
// (DRF_REAL_DATA: the backend's data, for what has no endpoint, e.g. retiring a shipping method.)
const api = process.env.DRF_REAL_API
if (!api || !process.env.DRF_REAL_DATA) throw new Error('Set DRF_REAL_API and DRF_REAL_DATA to a running tests/drf-real backend\'s, e.g. http://127.0.0.1:8765/api and its data dir')
process.env.E2E_WEB_PORT ??= String(await freePort())
const webPort = process.env.E2E_WEB_PORT

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${webPort}`,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunch,
  },
  projects: chromiumProjects,
  webServer: {
    command: 'node .output/server/index.mjs',
    cwd: '../..',
    url: `http://127.0.0.1:${webPort}/`,
    env: { PORT: webPort, HOST: '127.0.0.1', NUXT_API_BASE: api, NUXT_PUBLIC_SITE_URL: `http://127.0.0.1:${webPort}` },
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
