import { expect, test } from '@playwright/test'
import { accountButton, DEMO, gotoHydrated, signInThroughForm } from './support'

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
  const popup = page.locator(`#${await button.getAttribute('aria-controls')}`)
  await popup.click({ position: { x: 3, y: 2 } })
  await expect(menu).toBeVisible()
  await page.getByRole('main').click({ position: { x: 5, y: 5 } })
  await expect(menu).toBeHidden()

  await button.click()
  await menu.getByRole('link', { name: 'Your account' }).click()
  await expect(page).toHaveURL(/\/auth\/profile$/)
  await expect(menu).toBeHidden()
})
