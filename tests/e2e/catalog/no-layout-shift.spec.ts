import { expect, test } from '../support/test'
import { waitForHydration, waitForListeners } from '../support/hydration'

// What Lighthouse's mobile run sees (issue 21: CLS ≤ 0.01), and a shopper's first scroll: a phone-sized screen, from
// the server page through hydration (the grid, then each card, when idle) to the grid switching to virtualized rows
// once the page scrolls. Every shift counts, with or without recent input.
test.use({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true })

for (const path of ['/products', '/search?q=headphones']) {
  test(`${path} does not move on screen while it loads and hydrates`, async ({ page }) => {
    await page.addInitScript(() => {
      const shifts: number[] = []
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value)
      })
      observer.observe({ type: 'layout-shift', buffered: true })
      // Entries not yet handed to the callback are taken synchronously, so a shift of the last frame is counted too.
      Object.assign(window, { __shifts: () => [...shifts, ...observer.takeRecords().map(entry => (entry as PerformanceEntry & { value: number }).value)] })
    })
    await page.goto(path)
    await waitForHydration(page)
    const grid = page.getByRole('list', { name: 'Products' })
    // The last card hydrates last; the grid stays a plain CSS grid until the page scrolls (UiVirtualGrid).
    await waitForListeners(grid.getByRole('listitem').last().getByRole('button').first())
    await expect(grid).toHaveClass(/ui-vgrid--plain/)
    // Then the grid lays its rows out itself: the moment a shift would come.
    await page.evaluate(() => window.scrollBy(0, 1))
    await expect(grid).toHaveClass(/ui-vgrid--virtual/)
    await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: () => number[] }).__shifts())
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThanOrEqual(0.01)
  })
}
