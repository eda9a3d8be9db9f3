import { expect, test } from '../support/test'
import { DEMO, accountButton, gotoHydrated, refreshCookie, signInLink, signInThroughForm, spendAtBackend, watchHydration } from './support'

test.beforeEach(async ({ page }) => {
  await gotoHydrated(page, '/auth/login?redirect=/auth/profile')
  await signInThroughForm(page, DEMO.email, DEMO.password)
  await expect(accountButton(page, DEMO.name)).toBeVisible()
})

test('a refresh cookie that was already used ends the session cleanly at its next rotation', async ({ page, context }) => {
  const hydration = watchHydration(page)
  const token = await refreshCookie(context)
  expect(token).toBeTruthy()
  // Someone else uses the same refresh token first: the backend rotates it and blacklists ours.
  await spendAtBackend(token!)

  // Page views render with the access token the server holds for this cookie while it is usable (issue 20):
  // no rotation, so the spent cookie is not noticed yet, and the page sends nothing while it hydrates.
  const response = await page.goto('/products')
  expect(response!.status()).toBe(200)
  await expect(accountButton(page, DEMO.name)).toBeVisible()
  expect(await refreshCookie(context)).toBe(token)
  expect(hydration).toEqual([])

  // The next rotation (here the browser's own, for its first authenticated call) is refused: signed out cleanly.
  await gotoHydrated(page, '/auth/profile')
  await page.getByLabel('First name').fill('Demo')
  await page.getByRole('button', { name: 'Save name' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Your session has expired. Please sign in again.' })).toBeVisible()
  expect(await refreshCookie(context)).toBeUndefined()

  // And a protected page now asks to sign in, without loops or errors.
  await page.goto('/auth/profile')
  await expect(page).toHaveURL(/\/auth\/login\?redirect=/)
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
})

test('a refresh cookie that was already used ends the session cleanly in a running page', async ({ page, context }) => {
  await expect(page).toHaveURL(/\/auth\/profile$/)
  // A fresh load: the browser holds no access token yet, so its next call must refresh. A signed-in page also
  // loads the cart and the wishlist when idle (which refreshes too): the refresh waits until the cookie is spent.
  let release!: () => void
  const spent = new Promise<void>(resolve => (release = resolve))
  await page.route('**/api/auth/refresh', async (route) => {
    await spent
    await route.continue()
  })
  await gotoHydrated(page, '/auth/profile')
  await spendAtBackend((await refreshCookie(context))!)

  await page.getByLabel('First name').fill('Demo')
  await page.getByRole('button', { name: 'Save name' }).click()
  release()

  await expect(page.getByRole('alert').filter({ hasText: 'Your session has expired. Please sign in again.' })).toBeVisible()
  await expect(page).toHaveURL(/\/auth\/login\?redirect=(%2F|\/)auth(%2F|\/)profile$/)
  await expect(signInLink(page)).toBeVisible()
  expect(await refreshCookie(context)).toBeUndefined()
})
