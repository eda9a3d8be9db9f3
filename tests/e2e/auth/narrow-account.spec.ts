import { expect, test } from '@playwright/test'
import { register, uniqueEmail } from './support'

test('a long email address wraps on the account page at 320 px instead of widening it', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 })
  const email = uniqueEmail('averyverylongunbrokenmailboxnamethatnophonecanfitonaline')
  await register(page, { firstName: 'Lo', lastName: 'Ng', email, password: 'a-long-password-9' })
  await expect(page).toHaveURL(/\/auth\/profile$/)
  await expect(page.getByText(email)).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
  // Whole on the screen, not cut off by a container.
  const box = (await page.getByText(email).boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(320)
})
