import { expect, test } from '../support/test'
import { accountButton, DEMO, gotoHydrated, signInLink, signInThroughForm } from './support'

// Pages a guest saw are shared pages; the browser must not show its kept guest copy once the shopper signs in.
test('a page seen as a guest, opened in a new tab after signing in, shows the shopper signed in', async ({ page, context }) => {
  await gotoHydrated(page, '/products')
  await expect(signInLink(page)).toBeVisible()

  await gotoHydrated(page, '/auth/login')
  await signInThroughForm(page, DEMO.email, DEMO.password)
  await expect(accountButton(page, DEMO.name)).toBeVisible()

  const tab = await context.newPage()
  const answer = await tab.goto('/products')
  // Asked of the server (not taken from the browser's cache), which renders it for the signed-in shopper.
  expect(answer?.headers()['x-cache']).toBe('BYPASS')
  await expect(accountButton(tab, DEMO.name)).toBeVisible()
  await expect(signInLink(tab)).toHaveCount(0)
  await tab.close()
})
