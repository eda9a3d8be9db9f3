import { expect, test, type Page } from '../support/test'
import type { OutboxMessageDto } from '../../../services/dto'
import { backend, newShopper, PASSWORD, signInBrowser } from '../checkout/support'
import { workerApiBase } from '../support/apiBase'
import { holdScripts, waitForHydration } from '../support/hydration'
import { accountButton, signInThroughForm, uniqueEmail } from './support'

// The app starts after the first paint (server/utils/html/beforeHydration.ts), so the account forms are server HTML
// for a moment: a quick shopper, or their password manager, fills them first. Hydration's v-model would put the empty
// model back over what is there. Holding every script until the fields are filled makes that order certain.

/** Opens `path` with every app script held back: the fields are the server's, nothing has hydrated. */
async function openBeforeHydration(page: Page, path: string): Promise<() => Promise<void>> {
  const scripts = await holdScripts(page)
  await page.goto(path, { waitUntil: 'commit' })
  return async () => {
    await expect.poll(() => scripts.held()).toBeGreaterThan(0)
    await scripts.release()
    await waitForHydration(page)
  }
}

test('an email and password typed into sign-in before it hydrates are kept and sign the shopper in', async ({ page }) => {
  const api = backend()
  const shopper = await newShopper(api, 'early-sign-in')
  const hydrate = await openBeforeHydration(page, '/auth/login')
  await page.getByLabel('Email').fill(shopper.email)
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await hydrate()

  await expect(page.getByLabel('Email')).toHaveValue(shopper.email)
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue(PASSWORD)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(accountButton(page, shopper.name)).toBeVisible()
})

test('sign-in submitted with Enter before it hydrates signs in once it has, without the page sending the form itself', async ({ page }) => {
  const api = backend()
  const shopper = await newShopper(api, 'early-enter')
  const sentByBrowser: string[] = []
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.method() !== 'GET') sentByBrowser.push(`${request.method()} ${request.url()}`)
  })
  const hydrate = await openBeforeHydration(page, '/auth/login')
  await page.getByLabel('Email').fill(shopper.email)
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByLabel('Password', { exact: true }).press('Enter')
  await hydrate()

  await expect(accountButton(page, shopper.name)).toBeVisible()
  await expect(page).not.toHaveURL(/\/auth\/login/)
  expect(sentByBrowser).toEqual([])
})

test('the registration typed before the form hydrates is kept and creates that account', async ({ page }) => {
  const email = uniqueEmail('early-register')
  const hydrate = await openBeforeHydration(page, '/auth/register')
  await page.getByLabel('First name').fill('Ada')
  await page.getByLabel('Last name').fill('Early')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill('a-long-password-9')
  await hydrate()

  await expect(page.getByLabel('First name')).toHaveValue('Ada')
  await expect(page.getByLabel('Email')).toHaveValue(email)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/auth\/profile$/)
  await expect(accountButton(page, 'Ada Early')).toBeVisible()
  await expect(page.getByText(email)).toBeVisible()
})

test('an email typed into the reset request before it hydrates is the one the link is sent for', async ({ page }) => {
  const email = uniqueEmail('early-reset')
  const hydrate = await openBeforeHydration(page, '/auth/password-reset')
  await page.getByLabel('Email').fill(email)
  await hydrate()

  await expect(page.getByLabel('Email')).toHaveValue(email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByRole('status').filter({ hasText: `If an account uses ${email}, we have emailed it a link` })).toBeVisible()
})

test('a reset link asked for before the page hydrates is sent once it has, and the email stays out of the address', async ({ page }) => {
  const email = uniqueEmail('early-reset-press')
  const hydrate = await openBeforeHydration(page, '/auth/password-reset')
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await hydrate()

  await expect(page.getByRole('status').filter({ hasText: `If an account uses ${email}, we have emailed it a link` })).toBeVisible()
  expect(new URL(page.url()).search).toBe('')
})

test('a new password typed on the reset link before it hydrates is kept and becomes the password', async ({ page }) => {
  const api = backend()
  const shopper = await newShopper(api, 'early-new-password')
  await api.call('/auth/password/reset/', { method: 'POST', body: { email: shopper.email } })
  const outbox = await fetch(`${workerApiBase()}/__outbox/?to=${encodeURIComponent(shopper.email)}`)
  const link = ((await outbox.json()) as OutboxMessageDto[]).at(-1)?.body.match(/https?:\/\/\S+/)?.[0]
  expect(link).toBeTruthy()

  const hydrate = await openBeforeHydration(page, link!)
  await page.getByLabel('New password', { exact: true }).fill('an-early-new-password-4')
  await hydrate()

  await expect(page.getByLabel('New password', { exact: true })).toHaveValue('an-early-new-password-4')
  await page.getByRole('button', { name: 'Set new password' }).click()
  await expect(page).toHaveURL(/\/auth\/login$/)
  await signInThroughForm(page, shopper.email, 'an-early-new-password-4')
  await expect(accountButton(page, shopper.name)).toBeVisible()
})

test('a name and passwords typed on the profile before it hydrates are kept, and the name is what gets saved', async ({ page, context, baseURL }) => {
  const api = backend()
  const shopper = await newShopper(api, 'early-profile')
  await signInBrowser(context.request, baseURL!, shopper)
  const hydrate = await openBeforeHydration(page, '/auth/profile')
  const nameForm = page.getByRole('form', { name: 'Your name' })
  await expect(nameForm.getByLabel('First name')).toHaveValue('Cleo')
  await nameForm.getByLabel('First name').fill('Clementine')
  const passwordForm = page.getByRole('form', { name: 'Change password' })
  await passwordForm.getByLabel('Current password', { exact: true }).fill(PASSWORD)
  await hydrate()

  await expect(nameForm.getByLabel('First name')).toHaveValue('Clementine')
  await expect(nameForm.getByLabel('Last name')).toHaveValue('Checkout')
  await expect(passwordForm.getByLabel('Current password', { exact: true })).toHaveValue(PASSWORD)
  await nameForm.getByRole('button', { name: 'Save name' }).click()
  await expect(nameForm.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await expect(accountButton(page, 'Clementine Checkout')).toBeVisible()
  const me = await api.call<{ first_name: string }>('/auth/me/', { token: await shopper.token() })
  expect(me.body.first_name).toBe('Clementine')
})

test('"Show password" pressed before sign-in hydrates shows the password once it has, keeping what was typed', async ({ page }) => {
  const hydrate = await openBeforeHydration(page, '/auth/login')
  const password = page.getByLabel('Password', { exact: true })
  await password.fill('correct horse')
  await page.getByRole('button', { name: 'Show password' }).click()
  await hydrate()

  await expect(page.getByRole('button', { name: 'Hide password' })).toBeVisible()
  await expect(password).toHaveAttribute('type', 'text')
  await expect(password).toHaveValue('correct horse')
})
