import { expect, test, type Locator, type Page } from '../support/test'
import { waitForHydration, waitForListeners } from '../support/hydration'

// Back to a page a keyboard user left from a link: the focus is on that link again (the router has put the page back
// where it was), so the next Tab goes on from the card they had reached, not from the top of the listing.

function grid(page: Page): Locator {
  return page.getByRole('list', { name: 'Products' })
}

function cardLink(page: Page, position: number): Locator {
  return grid(page).locator(`[role="listitem"][aria-posinset="${position}"]`).getByRole('link')
}

/** Enter on the card's link (focused as Tab would leave it), then back from the product page it opened. */
async function followAndComeBack(page: Page, link: Locator): Promise<void> {
  const name = (await link.textContent())!.trim()
  await link.focus()
  await page.keyboard.press('Enter')
  const heading = page.getByRole('main').getByRole('heading', { level: 1 })
  await expect(heading).toHaveText(name)
  // The product page has started the focus on its heading: the card's link is gone with the listing.
  await expect(heading).toBeFocused()
  await page.goBack()
  await expect(page).toHaveURL(/\/products(\?.*)?$/)
}

/** Where the next Tab lands, relative to the card link that had the focus. */
async function afterTab(page: Page, link: Locator): Promise<{ inGrid: boolean, afterLink: boolean, card: string | null }> {
  const handle = await link.elementHandle()
  await page.keyboard.press('Tab')
  return page.evaluate((from) => {
    const active = document.activeElement
    const list = document.querySelector('[role="list"][aria-label="Products"]')
    return {
      inGrid: !!active && !!list?.contains(active),
      afterLink: !!active && !!from && !!(from.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING),
      card: active?.closest('[role="listitem"]')?.getAttribute('aria-posinset') ?? null,
    }
  }, handle)
}

test('keyboard: back from a product opened from the 5th card puts the focus on that card\'s link again', async ({ page }) => {
  await page.goto('/products')
  await waitForHydration(page)
  const link = cardLink(page, 5)
  // Cards' links become NuxtLinks when the grid hydrates (when idle): before that Enter loads a document.
  await waitForListeners(link)
  const href = await link.getAttribute('href')

  await followAndComeBack(page, link)
  const again = cardLink(page, 5)
  await expect(again).toHaveAttribute('href', href!)
  await expect(again).toBeFocused()
  // The next Tab goes on from that card (its own button, or the next card), not from the top of the page.
  const next = await afterTab(page, again)
  expect(next.inGrid && next.afterLink).toBe(true)
  expect(['5', '6']).toContain(next.card)
})

test('keyboard: back to a card far down the list, after infinite scroll loaded more, focuses it where it was', async ({ page }) => {
  await page.goto('/products')
  await waitForHydration(page)
  const card = grid(page).locator('[role="listitem"][aria-posinset="40"]')
  // Scroll like a shopper until the 40th product exists (on the list's second page).
  await expect(async () => {
    await page.mouse.wheel(0, 1500)
    await expect(card).toBeAttached({ timeout: 500 })
  }).toPass({ timeout: 30_000 })
  await card.scrollIntoViewIfNeeded()
  const link = cardLink(page, 40)
  await waitForListeners(link)
  const href = await link.getAttribute('href')
  const scrollY = await page.evaluate(() => window.scrollY)

  await followAndComeBack(page, link)
  const again = cardLink(page, 40)
  await expect(again).toHaveAttribute('href', href!)
  await expect(again).toBeFocused()
  // Focused where the router put the page back: the focus did not scroll it.
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollY)
  const next = await afterTab(page, again)
  expect(next.inGrid && next.afterLink).toBe(true)
  expect(['40', '41']).toContain(next.card)
})
