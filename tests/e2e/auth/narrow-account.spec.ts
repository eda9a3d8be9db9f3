import { expect, test } from '../support/test'
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

test('a long name leaves the search box and the cart on screen at tablet and laptop widths', async ({ page }) => {
  await register(page, { firstName: 'Christopher-Alexander', lastName: 'Montgomery-Fitzwilliam', email: uniqueEmail('header'), password: 'a-long-password-9' })
  await expect(page).toHaveURL(/\/auth\/profile$/)
  const header = page.getByRole('banner')
  const account = header.getByRole('button', { name: 'Account: Christopher-Alexander Montgomery-Fitzwilliam' })
  for (const width of [768, 834, 1024, 1280]) {
    await page.setViewportSize({ width, height: 800 })
    await expect(account).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} px`).toBeLessThanOrEqual(0)
    const cart = (await header.getByRole('button', { name: /^Cart/ }).boundingBox())!
    expect(cart.x + cart.width, `cart at ${width} px`).toBeLessThanOrEqual(width)
    const search = (await header.getByRole('combobox', { name: 'Search products' }).boundingBox())!
    expect(search.width, `search box at ${width} px`).toBeGreaterThanOrEqual(160)
  }
})
