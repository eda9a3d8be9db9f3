import { expect, test, type Locator } from '../support/test'
import { waitForHydration, waitForListeners } from '../support/hydration'
import { backend, confirmedOrderId, fillAddress, openCheckout, placeOrderButton, reachReview, shopperWithCart } from '../checkout/support'
import { cartButton, gotoWithCart } from '../cart/support'
import { CART_PATH } from '../../../utils/routes/paths'

// A heading the app moves the focus to (an order's thanks, a new page's h1) shows that it has it, like every other
// focused control: the app's 2 px brand-blue ring. Mouse users get there too (a clicked "Place order", a clicked
// card), and the focus is where the keyboard goes on from, so the ring shows after a click as well.

/** The focus indicator as drawn: an outline at least 2 px wide in a visible colour. */
async function focusRing(heading: Locator): Promise<{ style: string, width: number, color: string }> {
  return heading.evaluate((el) => {
    const style = getComputedStyle(el)
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth), color: style.outlineColor }
  })
}

function expectRing(ring: { style: string, width: number, color: string }): void {
  expect(ring.style).toBe('solid')
  expect(ring.width).toBeGreaterThanOrEqual(2)
  expect(ring.color).toBe('rgb(31, 111, 235)')
}

test('the order confirmation\'s heading, focused after a clicked "Place order", shows the focus ring', async ({ page, context, baseURL }) => {
  await shopperWithCart(context, baseURL!, backend(), 'a11y-heading-ring')
  await openCheckout(page)
  await reachReview(page)
  await placeOrderButton(page).click()
  await confirmedOrderId(page)
  const thanks = page.getByRole('heading', { name: 'Thank you! Your order is placed.' })
  await expect(thanks).toBeFocused()
  expectRing(await focusRing(thanks))
  // Leaving it takes the ring away: it is the focus's, not the heading's.
  await page.keyboard.press('Tab')
  await expect(thanks).not.toBeFocused()
  expect((await focusRing(thanks)).style).toBe('none')
})

test('a new page\'s heading, focused after a clicked card, shows the focus ring', async ({ page }) => {
  await page.goto('/products')
  await waitForHydration(page)
  const card = page.getByRole('list', { name: 'Products' }).getByRole('link').first()
  await waitForListeners(card)
  await card.click()
  const heading = page.getByRole('main').getByRole('heading', { level: 1 })
  await expect(heading).toBeFocused()
  expectRing(await focusRing(heading))
})

// The ring is the script's focus, not the heading's: a click of the mouse on a heading's text focuses nothing and
// draws nothing (the heading is focusable only while a script gives it the focus, composables/ui/scriptFocus.ts).

test('a click on the cart page\'s heading draws no focus ring', async ({ page }) => {
  await gotoWithCart(page, CART_PATH)
  const heading = page.getByRole('main').getByRole('heading', { name: 'Your cart', level: 1 })
  await heading.click()
  await expect(heading).not.toBeFocused()
  expect((await focusRing(heading)).style).toBe('none')
})

test('the mini-cart\'s heading has the ring when opening the cart puts the focus there, and not after a click on it', async ({ page }) => {
  await gotoWithCart(page, '/')
  await cartButton(page).click()
  const heading = page.getByRole('dialog').getByRole('heading', { name: /^Your cart/ })
  await expect(heading).toBeFocused()
  expectRing(await focusRing(heading))

  await page.keyboard.press('Tab')
  await expect(heading).not.toBeFocused()
  await heading.click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expect(heading).not.toBeFocused()
  expect((await focusRing(heading)).style).toBe('none')
})

test('a checkout step\'s heading has the ring when the next step puts the focus there, and not after a click on it', async ({ page, context, baseURL }) => {
  await shopperWithCart(context, baseURL!, backend(), 'a11y-heading-click')
  await openCheckout(page)
  const address = page.getByRole('heading', { name: 'Delivery address' })
  await address.click()
  await expect(address).not.toBeFocused()
  expect((await focusRing(address)).style).toBe('none')

  await fillAddress(page)
  await page.getByRole('button', { name: 'Continue to shipping' }).click()
  const shipping = page.getByRole('heading', { name: 'Shipping method' })
  await expect(shipping).toBeFocused()
  expectRing(await focusRing(shipping))
  await page.keyboard.press('Tab')
  await expect(shipping).not.toBeFocused()
  await shipping.click()
  await expect(shipping).not.toBeFocused()
  expect((await focusRing(shipping)).style).toBe('none')
})
