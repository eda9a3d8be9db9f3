import { expect, test, type Page } from '../support/test'
import { loadedCount } from '../../../bench/catalog/scrollProbe'
import { waitForHydration } from '../support/hydration'
import { withoutProductImages } from '../support/images'

// Shoppers who reach the bottom fast (the End key, a jump to the end, hard wheel flicks) must keep getting pages
// by themselves. Nothing here clicks "Load more": if auto-loading stalls while the end stays in reach, the count
// stops growing and the poll runs out. The wheel test loads the images as a shopper's browser does; the End key test
// does without them (support/images.ts): what it is about is the list's, and it runs in a third of the time.

const TARGET = 1000

/**
 * Does `move` again and again without waiting for anything in between (a shopper holding End or flicking the
 * wheel), reading how many products the grid holds after each move, until TARGET are loaded.
 */
async function keepMovingUntilLoaded(page: Page, move: () => Promise<void>): Promise<void> {
  await expect.poll(async () => {
    await move()
    return loadedCount(page)
  }, { timeout: 90_000, intervals: [25] }).toBeGreaterThanOrEqual(TARGET)
}

async function openListing(page: Page): Promise<void> {
  await page.goto('/products')
  await waitForHydration(page)
  await expect(page.getByRole('list', { name: 'Products' })).toHaveAttribute('data-items', '24')
}

async function expectNoFailure(page: Page): Promise<void> {
  await expect(page.getByRole('alert')).toHaveCount(0)
  // Positions 1..n are one list: at the bottom, the last loaded card is the n-th. Read n and look in one poll:
  // a page still on its way when the target was reached can land in between and move the bottom past card n.
  await expect.poll(async () => {
    const loaded = await loadedCount(page)
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    return page.locator(`[role="listitem"][aria-posinset="${loaded}"]`).count()
  }).toBe(1)
}

test('pressing End and jumping to the bottom again and again loads 1,000 products by themselves', async ({ page }) => {
  test.setTimeout(150_000)
  await withoutProductImages(page)
  await openListing(page)
  let presses = 0
  await keepMovingUntilLoaded(page, async () => {
    // Every other move is a script jump (what dragging the scrollbar to the end does) instead of the key.
    if (presses++ % 2 === 0) await page.keyboard.press('End')
    else await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  })
  await expectNoFailure(page)
})

test('fast wheel flicks load 1,000 products by themselves', async ({ page }) => {
  test.setTimeout(150_000)
  await openListing(page)
  const viewport = page.viewportSize()!
  await page.mouse.move(viewport.width / 2, viewport.height / 2)
  await keepMovingUntilLoaded(page, () => page.mouse.wheel(0, 4000))
  await expectNoFailure(page)
})
