import { expect, test } from '../support/test'
import { waitForHydration } from '../support/hydration'

// WCAG's reflow: from 320 px up a listing never scrolls sideways, and its sort and filters stay on screen.

const LISTINGS = ['/products', '/categories/skincare', '/search?q=mug', '/products?brand=redcraft&in_stock=1&sort=price-desc']

for (const path of LISTINGS) {
  test(`at 320 px ${path} fits the screen, sorted by its longest option and with the filters open`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 720 })
    await page.goto(path)
    await waitForHydration(page)
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth)
    expect(await pageWidth()).toBeLessThanOrEqual(320)

    const sort = page.getByRole('combobox', { name: 'Sort by' })
    await sort.selectOption({ label: 'Price: high to low' })
    await expect(page).toHaveURL(/sort=price-desc/)
    const box = await sort.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 320, 'the sort control is on screen').toBe(true)
    expect(await pageWidth()).toBeLessThanOrEqual(320)

    await page.getByRole('button', { name: 'Filters' }).click()
    await expect(page.getByRole('complementary', { name: 'Filters' }).getByRole('group', { name: 'Brand' })).toBeVisible()
    expect(await pageWidth()).toBeLessThanOrEqual(320)
  })
}
