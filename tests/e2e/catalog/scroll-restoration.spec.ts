import { expect, test } from '@playwright/test'
import { waitForHydration } from '../support/hydration'
import { isListRequest, trackCatalogRequests } from './support'

test('product 200 -> its page -> back restores the same position with no new list request', async ({ page }) => {
  const requests = trackCatalogRequests(page)
  await page.goto('/products')
  await waitForHydration(page)

  const card = page.locator('[role="listitem"][aria-posinset="200"]')
  // Scroll like a shopper until the 200th product exists (infinite scroll loads pages on the way).
  await expect(async () => {
    await page.mouse.wheel(0, 2000)
    await expect(card).toBeAttached({ timeout: 500 })
  }).toPass({ timeout: 30_000 })
  await card.scrollIntoViewIfNeeded()
  const link = card.getByRole('link')
  const href = await link.getAttribute('href')
  const before = { scrollY: await page.evaluate(() => window.scrollY), top: (await card.boundingBox())!.y }

  await link.click()
  await expect(page).toHaveURL(href!)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const listRequestsBefore = requests.filter(isListRequest).length

  await page.goBack()
  // The address bar may follow the scroll (?cursor= of the page at the top, and from= the page before it, which the
  // list walked): the list is the same either way.
  await expect(page).toHaveURL(/\/products(\?cursor=[^&]+(&from=[^&]+)?)?$/)
  const restored = page.locator('[role="listitem"][aria-posinset="200"]')
  await expect(restored.getByRole('link')).toHaveAttribute('href', href!)
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before.scrollY)
  expect(Math.abs((await restored.boundingBox())!.y - before.top)).toBeLessThanOrEqual(1)
  expect(requests.filter(isListRequest).length).toBe(listRequestsBefore)
})
