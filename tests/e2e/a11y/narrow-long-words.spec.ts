import { expect, test, type Page } from '../support/test'
import { waitForHydration } from '../support/hydration'
import { ADDRESS, backend, confirmedOrderId, fillAddress, openCheckout, placeOrderButton, shopperWithCart } from '../checkout/support'

// Pages work from 320 px wide. A word longer than the screen (a street name, a company, a long email) is broken
// inside its box; it used to widen the page's single grid column, so the whole page scrolled sideways.
const LONG_STREET = '12 Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch Road'

async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth)
}

test('checkout review and the order page do not scroll sideways at 320 px with a long street name', async ({ page, context, baseURL }) => {
  await shopperWithCart(context, baseURL!, backend(), 'a11y-long-words')
  await page.setViewportSize({ width: 320, height: 740 })
  await openCheckout(page)
  await fillAddress(page, { ...ADDRESS, line1: LONG_STREET })
  await page.getByRole('button', { name: 'Continue to shipping' }).click()
  await page.getByRole('radio', { name: /^Standard/ }).check()
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await page.getByRole('radio', { name: /^Visa/ }).check()
  // The test cards' radio buttons keep their 16 px beside a long token ("tok_chargeDeclined"): flex squeezed them.
  for (const radio of await page.getByRole('radio').all()) expect((await radio.boundingBox())!.width, `${radio}`).toBe(16)
  await page.getByRole('button', { name: 'Continue to review' }).click()
  await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible()
  await expect(page.getByText(LONG_STREET)).toBeVisible()
  expect(await scrollsSideways(page), 'review step scrolls sideways').toBe(false)

  await placeOrderButton(page).click()
  await confirmedOrderId(page)
  await waitForHydration(page)
  await expect(page.getByText(LONG_STREET)).toBeVisible()
  expect(await scrollsSideways(page), 'order page scrolls sideways').toBe(false)
})
