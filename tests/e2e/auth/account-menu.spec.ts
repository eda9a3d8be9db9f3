import { expect, test } from '../support/test'
import { accountButton, DEMO, gotoHydrated, signInLink, signInThroughForm } from './support'

test('the account menu opens from its button and closes on Escape, on a click outside and on navigation', async ({ page }) => {
  await gotoHydrated(page, '/auth/login')
  await signInThroughForm(page, DEMO.email, DEMO.password)
  const button = accountButton(page, DEMO.name)
  await expect(button).toBeVisible()
  const menu = page.getByRole('banner').getByRole('list', { name: 'Account' })

  await button.click()
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  await expect(menu).toBeVisible()
  await menu.getByRole('link', { name: 'Your account' }).focus()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await expect(button).toBeFocused()

  await button.click()
  await expect(menu).toBeVisible()
  // A click inside the menu (on its padding, not an item) leaves it open; one anywhere else closes it.
  // The panel around the list (aria-controls names the list itself, whose corner is its first item's link).
  const popup = page.getByRole('banner').locator('.header-menu')
  await popup.click({ position: { x: 3, y: 2 } })
  await expect(menu).toBeVisible()
  await page.getByRole('main').click({ position: { x: 5, y: 5 } })
  await expect(menu).toBeHidden()

  await button.click()
  await menu.getByRole('link', { name: 'Your account' }).click()
  await expect(page).toHaveURL(/\/auth\/profile$/)
  await expect(menu).toBeHidden()
})

test('signing out while the store cannot be reached keeps the shopper signed in and says so; then it works', async ({ page }) => {
  await gotoHydrated(page, '/auth/login')
  await signInThroughForm(page, DEMO.email, DEMO.password)
  const button = accountButton(page, DEMO.name)
  await expect(button).toBeVisible()
  const menu = page.getByRole('banner').getByRole('list', { name: 'Account' })

  // Only the BFF can clear the httpOnly cookie: without its answer the next page load would sign this browser in.
  await page.route('**/api/auth/logout', route => route.abort('internetdisconnected'))
  await button.click()
  await menu.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(page.getByRole('banner').getByRole('alert')).toHaveText('You are still signed in: the store could not be reached. Check your connection and try again.')
  await expect(button).toBeVisible()
  await page.unroute('**/api/auth/logout')
  await gotoHydrated(page, '/')
  await expect(accountButton(page, DEMO.name)).toBeVisible()

  await accountButton(page, DEMO.name).click()
  await menu.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(signInLink(page)).toBeVisible()
  await page.reload()
  await expect(signInLink(page)).toBeVisible()
})
