import { expect, test } from '../support/test'
import { waitForHydration } from '../support/hydration'

// Pages work from 320 px wide. A search term is whatever the shopper typed or pasted (a product link, a part number),
// and the results page repeats it in its headings: a term longer than the screen must break there, not widen the page.
const PASTED_LINK = 'https://www.example-marketplace.com/item/ProfessionalStainlessSteelInsulatedTravelMug'

test('at 320 px a results page for a long unbroken term does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 })
  await page.goto(`/search?q=${encodeURIComponent(PASTED_LINK)}`)
  await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1, name: `Results for “${PASTED_LINK}”` })).toBeVisible()
  await expect(page.getByRole('heading', { name: `No results for “${PASTED_LINK}”` })).toBeVisible()
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320)
})
