import { devices, type LaunchOptions, type Project } from '@playwright/test'

// Debian's headless shell of Chromium (package chromium-headless-shell: the same engine as /usr/bin/chromium, without
// the desktop browser around it), as Playwright itself drives headless tests; it cannot download its own here.
// Measured on this machine (2026-11-28, same build, same specs): tests/e2e/cart 88 -> 57 s, the whole e2e suite
// ~640 -> 444 s against the full /usr/bin/chromium in headless mode. The benches keep the full /usr/bin/chromium:
// they measure what a shopper's browser does.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell'

// Headless, without the background work that makes runs slower and noisier. Shared by playwright.config.ts,
// tests/drf-real's walk and the chaos suite's browser.
export const chromiumLaunch: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
}

export const chromiumProjects: Project[] = [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }]
