import { expect, test } from '../support/test'
import { holdScripts } from '../support/hydration'

// Until the grid hydrates, cards off screen are not drawn (content-visibility: ProductGrid.vue) and stand in at
// their own size. A placeholder of another size would move the page under the shopper when the cards are drawn,
// and "the end" of the page before hydration would no longer be the end.

for (const width of [320, 412, 639, 640, 1280]) {
  test(`at ${width} px the server page is as tall with its off-screen cards undrawn as drawn`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 })
    await holdScripts(page)
    await page.goto('/products?page_size=100', { waitUntil: 'commit' })
    const grid = page.getByRole('list', { name: 'Products' })
    await expect(grid).toHaveAttribute('data-items', '100')
    // A card's contents are skipped, not the card itself: ask its link.
    const last = grid.getByRole('listitem').last().getByRole('link')
    expect(await last.evaluate(card => card.checkVisibility({ contentVisibilityAuto: true })), 'the last card is not drawn').toBe(false)

    const undrawn = await page.evaluate(() => document.documentElement.scrollHeight)
    await grid.evaluate((list) => {
      for (const card of list.querySelectorAll<HTMLElement>('[role="listitem"] > article')) card.style.contentVisibility = 'visible'
    })
    expect(await last.evaluate(card => card.checkVisibility({ contentVisibilityAuto: true }))).toBe(true)
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(undrawn)
  })
}
