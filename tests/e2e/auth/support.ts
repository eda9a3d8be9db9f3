import { expect, type BrowserContext, type Page } from '@playwright/test'
import { waitForHydration } from '../support/hydration'
import { workerApiBase } from '../support/apiBase'
import { nextInTest, testSeed } from '../support/testSeed'

export const DEMO = { email: 'demo@example.com', password: 'demo-password-1', name: 'Demo Shopper' }

/** A fresh address per call, so tests never share an account or a rate-limit bucket; the same on a replay. */
export function uniqueEmail(label: string): string {
  return `e2e-${label}-${testSeed().toString(36)}-${nextInTest('email')}@example.com`
}

/** Collects Vue's hydration mismatch reports (production logs them as console errors). */
export function watchHydration(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (/hydrat/i.test(message.text())) problems.push(message.text())
  })
  return problems
}

export async function gotoHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await waitForHydration(page)
}

export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

export async function register(page: Page, user: { firstName: string, lastName: string, email: string, password: string }): Promise<void> {
  await gotoHydrated(page, '/auth/register')
  await page.getByLabel('First name').fill(user.firstName)
  await page.getByLabel('Last name').fill(user.lastName)
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password', { exact: true }).fill(user.password)
  await page.getByRole('button', { name: 'Create account' }).click()
}

export function accountButton(page: Page, name: string) {
  return page.getByRole('banner').getByRole('button', { name: `Account: ${name}` })
}

export function signInLink(page: Page) {
  return page.getByRole('banner').getByRole('link', { name: 'Sign in' })
}

export async function refreshCookie(context: BrowserContext): Promise<string | undefined> {
  return (await context.cookies()).find(cookie => cookie.name === 'sf_refresh')?.value
}

/** Spends a refresh token at the backend directly, as another holder of the same token would. */
export async function spendAtBackend(token: string): Promise<void> {
  const response = await fetch(`${workerApiBase()}/auth/token/refresh/`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refresh: token }),
  })
  expect(response.status).toBe(200)
}
