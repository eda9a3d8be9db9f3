import { expect, test } from '../support/test'
import { gotoHydrated, register, signInLink, signInThroughForm, uniqueEmail } from './support'

test('a wrong password is said in plain words and keeps what was typed; the 11th rapid attempt is rate-limited', async ({ page }) => {
  const email = uniqueEmail('throttle')
  await gotoHydrated(page, '/auth/login')
  const summary = page.getByRole('alert').filter({ hasText: /not right|Too many attempts/ })

  for (let attempt = 1; attempt <= 10; attempt++) {
    await signInThroughForm(page, email, `wrong-password-${attempt}`)
    await expect(summary).toHaveText('The email or password is not right. Check both and try again.')
    await expect(page.getByLabel('Email')).toHaveValue(email)
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue(`wrong-password-${attempt}`)
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled()
  }
  await signInThroughForm(page, email, 'wrong-password-11')
  await expect(summary).toHaveText(/Too many attempts\. Please wait \d+ seconds and try again\./)
  await expect(signInLink(page)).toBeVisible()
})

test('the sign-in form checks fields before sending and shows the password on request', async ({ page }) => {
  let posted = 0
  page.on('request', (request) => {
    if (request.url().endsWith('/api/auth/login')) posted += 1
  })
  await gotoHydrated(page, '/auth/login')
  // Nothing is said while typing; a wrong address is said on leaving the field, and goes once it is right.
  const wrongEmail = page.getByText('Enter an email address like name@example.com.')
  await page.getByLabel('Email').pressSequentially('ada@')
  await expect(wrongEmail).toBeHidden()
  await page.keyboard.press('Tab')
  await expect(wrongEmail).toBeVisible()
  await page.getByLabel('Email').fill('ada@example.com')
  await expect(wrongEmail).toBeHidden()
  await expect(page.getByLabel('Email')).not.toHaveAttribute('aria-invalid')
  await page.getByLabel('Email').fill('')

  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByText('Enter your email address.')).toBeVisible()
  await expect(page.getByText('Enter your password.')).toBeVisible()
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
  // The keyboard lands on the first field to fix.
  await expect(page.getByLabel('Email')).toBeFocused()
  expect(posted).toBe(0)

  const password = page.getByLabel('Password', { exact: true })
  await expect(password).toHaveAttribute('autocomplete', 'current-password')
  await expect(page.getByLabel('Email')).toHaveAttribute('autocomplete', 'username')
  await password.fill('secret-value')
  await expect(password).toHaveAttribute('type', 'password')
  await page.getByRole('button', { name: 'Show password' }).click()
  await expect(password).toHaveAttribute('type', 'text')
  // Its name says what a press does, and nothing else does: no aria-pressed to contradict it.
  const hide = page.getByRole('button', { name: 'Hide password' })
  await expect(hide).toBeFocused()
  await expect(hide).not.toHaveAttribute('aria-pressed')
})

test('registration shows server field errors next to their fields and keeps the input', async ({ page }) => {
  await register(page, { firstName: 'Dup', lastName: 'Licate', email: 'demo@example.com', password: 'password' })
  const email = page.getByLabel('Email')
  await expect(email).toHaveAttribute('aria-invalid', 'true')
  // The error is the field's description: what a screen reader says with the field.
  await expect(email).toHaveAccessibleDescription('An account with this email already exists. Sign in with it, or use another email.')
  await expect(page.getByText('An account with this email already exists. Sign in with it, or use another email.')).toBeVisible()
  // The button was disabled while sending: the focus goes to the first field to fix, not to the page.
  await expect(email).toBeFocused()
  const password = page.getByLabel('Password', { exact: true })
  await expect(password).toHaveAccessibleDescription(/too common/)
  await expect(page.getByLabel('First name')).toHaveValue('Dup')
  await expect(email).toHaveValue('demo@example.com')
  await expect(password).toHaveAttribute('autocomplete', 'new-password')
  await expect(page).toHaveURL(/\/auth\/register/)
})

// Back to a form the shopper had typed in (sign-in -> "Create an account" -> Back) shows their email again, as a
// browser does for a page it restores itself; the password is never kept.
test('sign-in and registration keep the typed email, never the password, across Back and Forward', async ({ page }) => {
  await gotoHydrated(page, '/auth/login')
  await page.getByLabel('Email').fill('back.and.forth@example.com')
  await page.getByLabel('Password', { exact: true }).fill('secret-value')
  await page.getByRole('link', { name: 'Create an account' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible()
  await page.getByLabel('Email').fill('new.shopper@example.com')

  await page.goBack()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await expect(page.getByLabel('Email')).toHaveValue('back.and.forth@example.com')
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('')
  await page.goForward()
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible()
  await expect(page.getByLabel('Email')).toHaveValue('new.shopper@example.com')
  expect(JSON.stringify(await page.evaluate(() => history.state))).not.toContain('secret-value')
})
