import { expect, test } from '../support/test'
import { holdScripts, waitForHydration } from '../support/hydration'
import { resetFaults } from './support'

test.beforeEach(async () => {
  await resetFaults()
})

// The header box hydrates lazily (when the browser is idle), so a fast shopper types into the server HTML first.
// Holding every script until the text is in makes that order certain instead of a race.
test('text typed into the server-rendered search box before hydration is kept and gets suggestions', async ({ page }) => {
  const scripts = await holdScripts(page)
  await page.goto('/', { waitUntil: 'commit' })
  const box = page.getByRole('combobox', { name: 'Search products' })
  await box.fill('headphones')
  await expect.poll(() => scripts.held()).toBeGreaterThan(0)

  await scripts.release()
  await waitForHydration(page)

  const listbox = page.getByRole('listbox', { name: 'Suggestions for headphones' })
  await expect(listbox).toHaveAttribute('data-results-for', 'headphones')
  await expect(listbox.getByRole('option').first()).toBeVisible()
  await expect(box).toHaveValue('headphones')
  await expect(box).toBeFocused()
})
