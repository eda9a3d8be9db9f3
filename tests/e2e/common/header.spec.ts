import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '../support/test'
import { waitForHydration, waitForListeners } from '../support/hydration'
import { accountButton, DEMO, signInThroughForm } from '../auth/support'
import { CART_CONTROL_LIVE } from '../cart/support'

// The header from 320 px up: a usable full-width search on phones, named icon targets of 44 px, the main links
// one tap away, no horizontal scrolling, axe clean, and every control reachable by Tab in reading order.
// Each width's screenshot is kept in test-results/ (header-<width>.png) for review.

const WIDTHS = [320, 360, 390, 1280] as const

test('the header works from 320 px to desktop: layout, names, targets, axe, keyboard', async ({ page }, testInfo) => {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 })
    await page.goto('/products')
    await waitForHydration(page)
    const banner = page.getByRole('banner')
    const search = banner.getByRole('combobox', { name: 'Search products' })
    // The cart's control is a link to the cart until it hydrates (when idle), then the mini-cart's button.
    const cart = banner.getByRole('button', { name: 'Cart' })
    // Idle comes late on a busy machine: wait for it longer than for a render.
    await expect(cart).toBeVisible(CART_CONTROL_LIVE)
    const signIn = banner.getByRole('link', { name: 'Sign in' })
    const wishlist = banner.getByRole('link', { name: 'Wishlist' })
    const nav = banner.getByRole('navigation', { name: 'Main' })

    await banner.screenshot({ path: testInfo.outputPath(`header-${width}.png`) })
    // Nothing in the header reaches past the right edge (no sideways scrolling because of it).
    const rightmost = await banner.evaluate(header => Math.max(...[...header.querySelectorAll('*')].map(el => el.getBoundingClientRect().right)))
    expect(rightmost, `${width}: header fits`).toBeLessThanOrEqual(width)

    // The search box is usable: on phones it spans the width (less the 16 px margins), with its placeholder.
    const box = (await search.boundingBox())!
    if (width < 768) expect(box.width, `${width}: search width`).toBeGreaterThanOrEqual(width - 32 - 1)
    else expect(box.width).toBeGreaterThanOrEqual(300)
    await expect(search).toHaveAttribute('placeholder', 'Search products')

    // Icon targets are at least 44 px square and named; the main links are on one line each.
    for (const target of [cart, signIn, wishlist]) {
      const area = (await target.boundingBox())!
      expect(Math.min(area.width, area.height), `${width}: target size`).toBeGreaterThanOrEqual(44)
      expect(area.x + area.width).toBeLessThanOrEqual(width)
    }
    for (const name of ['All products', 'Categories']) {
      const link = nav.getByRole('link', { name })
      await expect(link).toBeVisible()
      expect((await link.boundingBox())!.height, `${width}: ${name} on one line`).toBeLessThanOrEqual(36)
    }

    const axe = await new AxeBuilder({ page }).include('header').analyze()
    expect(axe.violations, `${width}: axe`).toEqual([])

    // Tab from the top of the page: skip link, brand, links, search, wishlist, account, cart, in that order.
    const skipLink = page.getByRole('link', { name: 'Skip to content' })
    const brand = banner.getByRole('link', { name: 'Storefront' })
    const tabStops = [skipLink, brand, nav.getByRole('link', { name: 'All products' }), nav.getByRole('link', { name: 'Categories' }), search, wishlist, signIn, cart]
    await page.locator('body').focus()
    for (const [i, stop] of tabStops.entries()) {
      await page.keyboard.press('Tab')
      await expect(stop, `${width}: tab stop ${i + 1}`).toBeFocused()
    }
  }
})

test('a page that does not exist starts with the same skip link, which leads past the header', async ({ page }) => {
  const response = await page.goto('/no-such-page')
  expect(response?.status()).toBe(404)
  await waitForHydration(page)
  await page.locator('body').focus()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#main$/)
  await page.keyboard.press('Tab')
  // The next stop is in the page's content (its first link), not the header's logo.
  await expect(page.getByRole('main').getByRole('link', { name: 'Home' })).toBeFocused()
})

test('the category navigation is reachable on a phone, and the search box still takes early typing', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/')
  await waitForHydration(page)
  await page.getByRole('banner').getByRole('link', { name: 'Categories' }).click()
  await expect(page).toHaveURL(/\/categories$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Categories' })).toBeVisible()

  const search = page.getByRole('banner').getByRole('combobox', { name: 'Search products' })
  await waitForListeners(search)
  await search.fill('headphones')
  await expect(page.getByRole('listbox', { name: 'Suggestions for headphones' })).toBeVisible()
})

test('signed in on a phone, the account control is an icon named for the shopper, and its menu fits the screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 })
  await page.goto('/auth/login')
  await waitForHydration(page)
  await signInThroughForm(page, DEMO.email, DEMO.password)
  const button = accountButton(page, DEMO.name)
  await expect(button).toBeVisible()
  const area = (await button.boundingBox())!
  expect(area.width).toBeLessThanOrEqual(52)
  await button.click()
  const menu = page.locator(`#${await button.getAttribute('aria-controls')}`)
  await expect(menu).toBeVisible()
  const popup = (await menu.boundingBox())!
  expect(popup.x).toBeGreaterThanOrEqual(0)
  expect(popup.x + popup.width).toBeLessThanOrEqual(320)
  expect((await new AxeBuilder({ page }).include('header').analyze()).violations).toEqual([])
})
