import { expect, test } from '@playwright/test'
import { waitForHydration } from '../support/hydration'
import { backend, newShopper, signInBrowser } from '../checkout/support'

// The account button is a disclosure: aria-expanded says whether what it shows is open, and aria-controls names
// that: the labelled list of the account's items, not an anonymous wrapper a screen reader cannot name.
test('the account button discloses the labelled "Account" list, and Escape closes it with the focus back on the button', async ({ page, context, baseURL }) => {
  const shopper = await newShopper(backend(), 'a11y-menu-controls')
  await signInBrowser(context.request, baseURL!, shopper)
  await page.setViewportSize({ width: 320, height: 740 })
  await page.goto('/')
  await waitForHydration(page)

  const button = page.getByRole('banner').getByRole('button', { name: `Account: ${shopper.name}` })
  const menu = page.getByRole('banner').getByRole('list', { name: 'Account' })
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await button.press('Enter')
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible()

  const controlled = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`)
  await expect(controlled).toHaveCount(1)
  await expect(controlled).toHaveRole('list')
  await expect(controlled).toHaveAccessibleName('Account')

  await page.keyboard.press('Tab')
  await expect(menu.getByRole('link', { name: 'Your account' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(button).toBeFocused()
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await expect(menu).toBeHidden()
})
