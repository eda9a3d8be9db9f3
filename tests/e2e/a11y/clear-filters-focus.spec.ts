import { expect, test, type Page } from '../support/test'
import { NO_RING, ringOf } from '../support/focusRing'
import { waitForHydration, waitForListeners } from '../support/hydration'

// "Clear all filters" goes away once it has cleared them: the focus went with it to <body>, so the keyboard started
// again from the top of the page and a screen reader said nothing. It goes to the listing's heading instead, ringed
// whatever the input (docs/accessibility.md), and the app's status region says the filters were cleared.

/** /products with one brand ticked, its panel hydrated: the page's "Clear all filters" and "All products" heading. */
async function withABrandTicked(page: Page) {
  await page.goto('/products')
  await waitForHydration(page)
  const filters = page.getByRole('complementary', { name: 'Filters' })
  const brandBox = filters.getByRole('group', { name: 'Brand' }).getByRole('checkbox').first()
  // The panel hydrates when the browser is idle (up to 10 s on a busy machine): this test is about what follows.
  await waitForListeners(brandBox)
  await brandBox.check()
  await expect(page).toHaveURL(/[?&]brand=/)
  return {
    clear: filters.getByRole('button', { name: 'Clear all filters' }),
    heading: page.getByRole('heading', { level: 1, name: 'All products' }),
    status: page.getByRole('status').and(page.locator('#app-announcer')),
  }
}

test('a clicked "Clear all filters" leaves a ringed focus on the listing\'s heading and says the filters were cleared', async ({ page }) => {
  const { clear, heading, status } = await withABrandTicked(page)
  await clear.click()
  await expect(page).not.toHaveURL(/[?&]brand=/)
  await expect(clear).toHaveCount(0)
  await expect(heading).toBeFocused()
  expect(await ringOf(heading), 'a focus ring is drawn').not.toEqual(NO_RING)
  await expect(status).toHaveText('Filters cleared.')
})

test('"Clear all filters" pressed with the keyboard leaves the focus on the listing\'s heading, and Tab goes on from there', async ({ page }) => {
  const { clear, heading, status } = await withABrandTicked(page)
  await clear.press('Enter')
  await expect(clear).toHaveCount(0)
  await expect(heading).toBeFocused()
  await expect(status).toHaveText('Filters cleared.')
  // The heading is no stop of its own: Tab goes on to the next control after it, not back to the start of the page.
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Sort by')).toBeFocused()
})
