import { expect, test } from '../support/test'
import { waitForHydration } from '../support/hydration'

// A product suggestion is read as "title, price": the comma is only heard, and it follows the title with no space
// before it (screen readers pause on it, braille shows it as written).
test('product suggestions are named "title, price", with no space before the comma', async ({ page }) => {
  await page.goto('/')
  await waitForHydration(page)
  const box = page.getByRole('combobox', { name: 'Search products' })
  await box.focus()
  await box.pressSequentially('wireless', { delay: 30 })
  const listbox = page.getByRole('listbox', { name: 'Suggestions for wireless' })
  await expect(listbox).toHaveAttribute('data-results-for', 'wireless')
  const products = listbox.getByRole('group', { name: 'Products' })
  await expect(products.getByRole('option').first()).toBeVisible()

  const snapshot = await products.ariaSnapshot()
  const names = [...snapshot.matchAll(/- option "(.*)"/g)].map(match => match[1])
  expect(names.length).toBeGreaterThan(0)
  const money = String.raw`\$\d[\d,]*\.\d\d`
  for (const name of names) expect(name).toMatch(new RegExp(`^\\S(.*\\S)?, ${money}(, was ${money})?$`))
})
