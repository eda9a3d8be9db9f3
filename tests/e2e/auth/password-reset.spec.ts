import { expect, test } from '../support/test'
import type { OutboxMessageDto } from '../../../services/dto'
import { accountButton, gotoHydrated, signInLink, signInThroughForm, uniqueEmail, watchHydration } from './support'
import { waitForHydration } from '../support/hydration'
import { workerApiBase } from '../support/apiBase'

const api = workerApiBase

/** The reset link the demo backend emailed to `email` (its test-only outbox; a real backend sends an email). */
async function emailedLink(email: string): Promise<string> {
  const response = await fetch(`${api()}/__outbox/?to=${encodeURIComponent(email)}`)
  const messages = await response.json() as OutboxMessageDto[]
  const link = messages.at(-1)?.body.match(/https?:\/\/\S+/)?.[0]
  if (!link) throw new Error(`no reset link emailed to ${email}`)
  return link
}

test('forgot password: ask for a link, open it from the email, choose a new password, sign in with it', async ({ page, baseURL }) => {
  const hydration = watchHydration(page)
  const email = uniqueEmail('reset')
  const registered = await fetch(`${api()}/auth/register/`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'the-old-password-1', first_name: 'Ada', last_name: 'Reset' }),
  })
  expect(registered.status).toBe(201)

  await gotoHydrated(page, '/auth/login')
  await page.getByRole('link', { name: 'Forgot password?' }).click()
  await expect(page).toHaveURL(/\/auth\/password-reset$/)
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByRole('status').filter({ hasText: `If an account uses ${email}, we have emailed it a link` })).toBeVisible()

  const link = await emailedLink(email)
  expect(new URL(link).origin).toBe(baseURL)
  const token = new URL(link).searchParams.get('token') as string
  // Nothing the page loads may carry the token onwards: no Referer with it, no URL with it but the page's own.
  const carriers: string[] = []
  page.on('request', (request) => {
    const referer = request.headers().referer ?? ''
    if (referer.includes(token) || (request.url().includes(token) && request.url() !== link)) carriers.push(`${request.method()} ${request.url()} (Referer: ${referer})`)
  })
  const opened = await page.goto(link)
  await waitForHydration(page)
  expect(opened?.headers()['referrer-policy']).toBe('no-referrer')
  expect(opened?.headers()['cache-control']).toContain('no-store')
  // The header's sign-in link leads back nowhere: a way back would put the token in the sign-in page's address.
  await expect(signInLink(page)).toHaveAttribute('href', '/auth/login')

  await page.getByLabel('New password', { exact: true }).fill('a-brand-new-password-7')
  await page.getByRole('button', { name: 'Set new password' }).click()
  await expect(page).toHaveURL(/\/auth\/login$/)
  await expect(page.getByRole('alert').filter({ hasText: 'Your password has been changed. Sign in with your new password.' })).toBeVisible()

  await signInThroughForm(page, email, 'a-brand-new-password-7')
  await expect(accountButton(page, 'Ada Reset')).toBeVisible()
  expect(carriers).toEqual([])
  expect(hydration).toEqual([])
})

test('"Forgot password?" from a sign-in for a page: after the reset, opened in a new tab, signing in comes back to that page', async ({ page, context }) => {
  const email = uniqueEmail('reset-return')
  await fetch(`${api()}/auth/register/`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'the-old-password-1', first_name: 'Lin', last_name: 'Return' }),
  })
  await gotoHydrated(page, '/auth/login?redirect=%2Fwishlist')
  await page.getByRole('link', { name: 'Forgot password?' }).click()
  await expect(page).toHaveURL(/\/auth\/password-reset\?redirect=(%2F|\/)wishlist$/)
  await expect(page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true })).toHaveAttribute('href', '/auth/login?redirect=/wishlist')
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByRole('status').filter({ hasText: `If an account uses ${email}, we have emailed it a link` })).toBeVisible()

  // The email's link, opened as a mail client opens one: a new tab.
  const fromEmail = await context.newPage()
  await gotoHydrated(fromEmail, await emailedLink(email))
  await fromEmail.getByLabel('New password', { exact: true }).fill('a-brand-new-password-8')
  await fromEmail.getByRole('button', { name: 'Set new password' }).click()
  await expect(fromEmail).toHaveURL(/\/auth\/login\?redirect=(%2F|\/)wishlist$/)
  await signInThroughForm(fromEmail, email, 'a-brand-new-password-8')
  await expect(fromEmail).toHaveURL(/\/wishlist$/)
  await expect(accountButton(fromEmail, 'Lin Return')).toBeVisible()
})

test('a reset link that was used already says so, and leads to asking for a new one', async ({ page }) => {
  const email = uniqueEmail('reused')
  await fetch(`${api()}/auth/register/`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'the-old-password-1', first_name: 'Grace', last_name: 'Reused' }),
  })
  await fetch(`${api()}/auth/password/reset/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) })
  const { uid, token } = Object.fromEntries(new URL(await emailedLink(email)).searchParams) as { uid: string, token: string }
  const used = await fetch(`${api()}/auth/password/reset/confirm/`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uid, token, new_password: 'set-elsewhere-password-3' }),
  })
  expect(used.status).toBe(200)

  await gotoHydrated(page, `/auth/password-reset/confirm?uid=${uid}&token=${token}`)
  await page.getByLabel('New password', { exact: true }).fill('a-brand-new-password-7')
  await page.getByRole('button', { name: 'Set new password' }).click()
  await expect(page.getByRole('alert')).toContainText(/does not work any more/)
  await expect(page.getByRole('alert')).toBeFocused()
  // The form goes with the link: nothing to type a password into again, nothing to press.
  await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Set new password' })).toHaveCount(0)
  await expect(page.getByRole('alert').getByRole('link', { name: 'Ask for a new link' })).toBeVisible()
  await page.getByRole('link', { name: 'Ask for a new link' }).click()
  await expect(page).toHaveURL(/\/auth\/password-reset$/)
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible()
})
