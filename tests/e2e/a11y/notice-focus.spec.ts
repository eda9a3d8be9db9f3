import { expect, test } from '@playwright/test'
import { gotoHydrated, signInThroughForm, uniqueEmail } from '../auth/support'

// A message the app moves the focus to (what went wrong with a sign-in, a checkout notice) shows that it has it, as
// every other focused control does: after a clicked button Chromium matches no :focus-visible on the element a script
// focuses next, and that is where the keyboard goes on from.

test('the sign-in error, focused after a clicked "Sign in", shows a focus ring', async ({ page }) => {
  await gotoHydrated(page, '/auth/login')
  await signInThroughForm(page, uniqueEmail('notice-ring'), 'not-the-password')
  const summary = page.getByRole('alert').filter({ hasText: 'The email or password is not right.' })
  await expect(summary).toBeFocused()
  // Tailwind's ring is a box-shadow: none without it.
  expect(await summary.evaluate(el => getComputedStyle(el).boxShadow)).not.toBe('none')
  await page.keyboard.press('Tab')
  await expect(summary).not.toBeFocused()
  expect(await summary.evaluate(el => getComputedStyle(el).boxShadow)).toBe('none')
})
