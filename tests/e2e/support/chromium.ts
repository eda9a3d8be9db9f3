import { devices, type LaunchOptions, type Project } from '@playwright/test'

// Debian's Chromium (Playwright cannot download its own here), headless, without the background work that makes
// runs slower and noisier. Shared by playwright.config.ts and tests/drf-real's walk.
export const chromiumLaunch: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
}

export const chromiumProjects: Project[] = [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }]
