import { expect, test, type Page } from '../support/test'
import { holdComponent, waitForHydration, waitForListeners } from '../support/hydration'

// The filter panel hydrates when idle. Back right after a reload shows other filters while it is still the
// server's markup of the reloaded address: it must end up as a fresh load of the address shows it.

/** Each category link's name and address in the filter panel. */
function categoryLinks(page: Page): Promise<string[]> {
  return page.getByRole('complementary', { name: 'Filters' }).getByRole('link').evaluateAll(links =>
    links.map(link => `${link.textContent?.trim() ?? ''} -> ${link.getAttribute('href') ?? ''}`))
}

test('Back right after a reload, before the filter panel has hydrated: the box is not ticked, the filter not applied again, the links are the address\'s', async ({ page }) => {
  await page.goto('/products')
  await waitForHydration(page)
  const inStock = page.getByRole('checkbox', { name: 'In stock only' })
  await waitForListeners(inStock)
  await inStock.check()
  await expect(page).toHaveURL(/in_stock=1/)

  // The reloaded page's panel stays server markup (its code held) while the shopper goes back.
  const panel = await holdComponent(page, 'CatalogFilterPanel')
  await page.reload()
  await waitForHydration(page)
  await expect.poll(() => panel.held()).toBeGreaterThan(0)
  await page.goBack()
  await expect(page).not.toHaveURL(/in_stock/)
  await panel.release()

  // Live: the panel's box has its listeners. The box the server ticked is not taken for the shopper's tick.
  await waitForListeners(inStock)
  await expect(inStock).not.toBeChecked()
  expect(page.url()).not.toMatch(/in_stock/)
  const fresh = await page.context().newPage()
  await fresh.goto('/products')
  await expect.poll(() => categoryLinks(page)).toEqual(await categoryLinks(fresh))
  await fresh.close()
})
