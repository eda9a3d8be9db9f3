import { expect, test } from '../support/test'
import { waitForHydration } from '../support/hydration'

// A price that cannot be read is said as the field is left: at the mousedown of a click on a filter below it. Said
// in a line of its own, it pushed the filters 20 px down before mouseup, and the click chose nothing.
test('one click on a rating straight from a price that cannot be read chooses that rating and says what is wrong', async ({ page }) => {
  await page.goto('/products')
  await waitForHydration(page)
  const filters = page.getByRole('complementary', { name: 'Filters' })
  const rating = filters.getByRole('radio', { name: '3 stars & up' })
  await rating.scrollIntoViewIfNeeded()
  await filters.getByLabel('Maximum price').fill('abc')

  await rating.click()

  await expect(page).toHaveURL(/[?&]rating=3/)
  await expect(filters.getByText('Enter prices like 19.99.')).toBeVisible()
})
