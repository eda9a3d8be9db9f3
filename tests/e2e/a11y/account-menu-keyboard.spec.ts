import { expect, test, type BrowserContext, type Locator, type Page } from '../support/test'
import { ringOf } from '../support/focusRing'
import { waitForHydration } from '../support/hydration'
import { backend, newShopper, signInBrowser } from '../checkout/support'

/** A new shopper signed in on a phone-sized home page; its header's account button and the list it discloses. */
async function signedInOnAPhone(page: Page, context: BrowserContext, baseURL: string, tag: string) {
  const shopper = await newShopper(backend(), tag)
  await signInBrowser(context.request, baseURL, shopper)
  await page.setViewportSize({ width: 320, height: 740 })
  await page.goto('/')
  await waitForHydration(page)
  const button = page.getByRole('banner').getByRole('button', { name: `Account: ${shopper.name}` })
  const menu = page.getByRole('banner').getByRole('list', { name: 'Account' })
  return { shopper, button, menu }
}

// The account menu is a disclosure: once the keyboard leaves it, it closes. Left open, it covered the page under
// the header (on a phone, most of the first screen) while the shopper was elsewhere, and an Escape pressed anywhere
// later (in the search box, in the mini-cart) closed it and pulled the focus back up to the account button.
test('the account menu closes when the focus leaves it, and Escape elsewhere leaves the focus where it is', async ({ page, context, baseURL }) => {
  const { shopper, button, menu } = await signedInOnAPhone(page, context, baseURL!, 'a11y-menu')
  await button.press('Enter')
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  // The items' code loads once the page is mounted (AccountMenuItems): wait for them before tabbing in.
  await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(menu.getByRole('link', { name: 'Your account' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(menu.getByRole('button', { name: 'Sign out' })).toBeFocused()

  // Past its last item: the menu closes.
  await page.keyboard.press('Tab')
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await expect(menu).toBeHidden()
  const focusedAfterMenu = page.locator(':focus')
  await expect(focusedAfterMenu).not.toHaveAccessibleName(`Account: ${shopper.name}`)

  // Back into the page: Escape there is not the menu's.
  await page.getByRole('combobox', { name: 'Search products' }).focus()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('combobox', { name: 'Search products' })).toBeFocused()
})

/** The outline `target` draws, without its offset ('none' when it draws none). */
async function outlineOf(target: Locator): Promise<string> {
  return (await ringOf(target)).outline.replace(/ -?[\d.]+px$/, '')
}

// Every control of the header shows the 2 px brand outline when tabbed to; the menu's items showed only a light grey
// background on white (about 1.1:1), which a keyboard user cannot tell from the page (WCAG 2.4.7).
test('the account menu\'s items show the header\'s focus outline when tabbed to', async ({ page, context, baseURL }) => {
  const { button, menu } = await signedInOnAPhone(page, context, baseURL!, 'a11y-menu-ring')
  await button.press('Enter')
  await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible()
  const headerOutline = await outlineOf(button)
  expect(headerOutline).not.toBe('none')

  await page.keyboard.press('Tab')
  await expect(menu.getByRole('link', { name: 'Your account' })).toBeFocused()
  expect(await outlineOf(menu.getByRole('link', { name: 'Your account' }))).toBe(headerOutline)
  await page.keyboard.press('Tab')
  await expect(menu.getByRole('button', { name: 'Sign out' })).toBeFocused()
  expect(await outlineOf(menu.getByRole('button', { name: 'Sign out' }))).toBe(headerOutline)
})

// The account button is a disclosure: aria-expanded says whether what it shows is open, and aria-controls names
// that: the labelled list of the account's items, not an anonymous wrapper a screen reader cannot name.
test('the account button discloses the labelled "Account" list, and Escape closes it with the focus back on the button', async ({ page, context, baseURL }) => {
  const { button, menu } = await signedInOnAPhone(page, context, baseURL!, 'a11y-menu-controls')
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await button.press('Enter')
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible()

  const controlled = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`)
  await expect(controlled).toHaveCount(1)
  await expect(controlled).toHaveRole('list')
  await expect(controlled).toHaveAccessibleName('Account')

  await page.keyboard.press('Tab')
  await expect(menu.getByRole('link', { name: 'Your account' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(button).toBeFocused()
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await expect(menu).toBeHidden()
})

// The menu's items load after the page is interactive (AccountMenuItems): until then aria-controls named an id that
// was nowhere on the page. The page as the server sends it, before any script, is that moment.
test('before the menu\'s items have loaded, the account button\'s aria-controls names nothing missing', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const shopper = await newShopper(backend(), 'a11y-menu-early')
  await signInBrowser(context.request, baseURL!, shopper)
  const page = await context.newPage()
  await page.goto(`${baseURL}/`)
  const button = page.getByRole('banner').getByRole('button', { name: `Account: ${shopper.name}` })
  await expect(button).toBeVisible()
  const controls = await button.getAttribute('aria-controls')
  await expect(page.locator(`[id="${controls}"]`)).toHaveCount(controls === null ? 0 : 1)
  await context.close()
})
