import { expect, test, type Page } from '../support/test'
import { waitForHydration, waitForListeners } from '../support/hydration'

// Below 1024 px the filter panel is behind the "Filters" button. Closed, nothing said which filters were on, and an
// empty result offered nothing but "No products match these filters.": the way out was in the closed panel.
// At 320 px, the narrowest screen the shop serves: the button counts the filters on (a badge, and in its name),
// and an empty result has its own "Clear all filters", reached by Tab from the sort, clearing as the panel's does.

async function at320(page: Page, path: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 720 })
  await page.goto(path)
  await waitForHydration(page)
}

test('at 320 px the closed Filters button says how many filters are on, and follows them', async ({ page }) => {
  await at320(page, '/products?brand=redcraft&in_stock=1&sort=price-desc')
  const filters = page.getByRole('complementary', { name: 'Filters' })
  await expect(filters).toBeHidden()
  // A brand and availability; the sort is no filter.
  const toggle = page.getByRole('button', { name: 'Filters, 2 active', exact: true })
  await expect(toggle).toBeVisible()
  await expect(toggle.getByText('2', { exact: true })).toBeVisible()

  await toggle.click()
  const inStock = filters.getByRole('checkbox', { name: 'In stock only' })
  await waitForListeners(inStock)
  await inStock.uncheck()
  await expect(page).not.toHaveURL(/in_stock=/)
  await expect(page.getByRole('button', { name: 'Filters, 1 active', exact: true })).toBeVisible()

  await filters.getByRole('button', { name: 'Clear all filters' }).click()
  await expect(page).not.toHaveURL(/brand=/)
  const plain = page.getByRole('button', { name: 'Filters', exact: true })
  await expect(plain).toBeVisible()
  await expect(plain).toHaveText('Filters')
})

test('at 320 px an empty result offers "Clear all filters" by keyboard, the focus then on the heading', async ({ page }) => {
  await at320(page, '/products?brand=redcraft&min_price=99999.00')
  await expect(page.getByRole('button', { name: 'Filters, 2 active', exact: true })).toBeVisible()
  const results = page.getByRole('region', { name: 'Results' })
  await expect(results.getByText('No products match these filters.')).toBeVisible()
  const clear = results.getByRole('button', { name: 'Clear all filters' })
  await expect(clear).toBeVisible()
  // The grid hydrates when idle: its button is live once Vue has put its listener on it.
  await waitForListeners(clear)

  // The closed panel's controls are out of the Tab order: the next stop after the sort is this button.
  await page.getByLabel('Sort by').focus()
  await page.keyboard.press('Tab')
  await expect(clear).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(page).not.toHaveURL(/brand=|min_price=/)
  await expect(page.getByRole('list', { name: 'Products' }).getByRole('listitem').first()).toBeVisible()
  await expect(clear).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1, name: 'All products' })).toBeFocused()
  await expect(page.getByRole('status').and(page.locator('#app-announcer'))).toHaveText('Filters cleared.')
  await expect(page.getByRole('button', { name: 'Filters', exact: true })).toBeVisible()
})
