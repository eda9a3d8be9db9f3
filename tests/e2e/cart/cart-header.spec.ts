import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '../support/test'
import { CART_PATH, PRODUCTS_PATH } from '../../../utils/routes/paths'
import { holdScripts, waitForListeners } from '../support/hydration'
import { addThroughApi, CART_CONTROL_LIVE, cartButton, expectCartCount, findProduct, gotoWithCart } from './support'

// The header's cart at a phone's and a desktop's width, its mini-cart and the cart page: laid out within the
// screen, usable by keyboard, axe clean. Screenshots (header-cart-<width>.png, mini-cart-<width>.png,
// cart-page-<width>.png) are kept in test-results/ for review.

async function axeViolations(page: Page, selector?: string) {
  const builder = new AxeBuilder({ page })
  return (await (selector ? builder.include(selector) : builder).analyze()).violations
}

test('header, mini-cart and cart page at 360 and 1280 px: within the screen, by keyboard, axe clean', async ({ page }, testInfo) => {
  const product = await findProduct({ variants: false, minStock: 3 })
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product.id, quantity: 2 })

  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 })
    await gotoWithCart(page, PRODUCTS_PATH)
    await expectCartCount(page, 2)
    const banner = page.getByRole('banner')
    await banner.screenshot({ path: testInfo.outputPath(`header-cart-${width}.png`) })
    const button = cartButton(page)
    const area = (await button.boundingBox())!
    expect(Math.min(area.width, area.height), `${width}: target size`).toBeGreaterThanOrEqual(44)

    // The mini-cart: opened by keyboard, focus on its heading, inside the screen, axe clean, Escape gives focus back.
    await button.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Your cart, 2 items' })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('heading', { name: 'Your cart, 2 items' })).toBeFocused()
    await expect(dialog).toContainText(product.title)
    const box = (await dialog.boundingBox())!
    expect(box.x, `${width}: mini-cart left edge`).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width, `${width}: mini-cart right edge`).toBeLessThanOrEqual(width)
    expect(await axeViolations(page, 'header'), `${width}: axe with the mini-cart open`).toEqual([])
    await page.screenshot({ path: testInfo.outputPath(`mini-cart-${width}.png`), clip: { x: 0, y: 0, width, height: Math.min(800, box.y + box.height + 16) } })
    await page.keyboard.press('Tab')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(button).toBeFocused()

    await gotoWithCart(page, CART_PATH)
    await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible()
    await expect(page.getByRole('textbox', { name: `Quantity of ${product.title}` })).toHaveValue('2')
    expect(await axeViolations(page), `${width}: axe on /cart`).toEqual([])
    await page.screenshot({ path: testInfo.outputPath(`cart-page-${width}.png`), fullPage: true })
  }
})

test('the badge after hydration costs no request without a cart and one with a cart', async ({ page }) => {
  const cartRequests: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/api/cart')) cartRequests.push(`${request.method()} ${url.pathname}`)
  })
  await gotoWithCart(page, '/')
  await page.waitForLoadState('networkidle')
  await expectCartCount(page, 0)
  expect(cartRequests).toEqual([])

  const product = await findProduct({ variants: false, minStock: 2 })
  await addThroughApi(page, { product_id: product.id, quantity: 1 })
  cartRequests.length = 0
  const response = await page.goto(PRODUCTS_PATH)
  // The page itself is the shared one: no count, no cart store state in its payload, no cookie set by it.
  const html = await response!.text()
  expect(html).not.toContain('Cart, 1 item')
  expect(html).not.toContain('acceptedChanges')
  expect(response!.headers()['set-cookie']).toBeUndefined()
  await expectCartCount(page, 1)
  await page.waitForLoadState('networkidle')
  expect(cartRequests).toEqual(['GET /api/cart/'])

  // The cart page is never shared-cached, and its HTML carries no cart: the browser loads it.
  const cartPage = await page.goto(CART_PATH)
  expect(cartPage!.headers()['cache-control']).toBe('private, no-store')
  expect(await cartPage!.text()).not.toContain(product.title)
  await expect(page.getByRole('textbox', { name: `Quantity of ${product.title}` })).toHaveValue('1')
})

test('a mouse press on the cart link that its hydration interrupts still opens the cart', async ({ page }) => {
  // The header's cart is a link until it hydrates (when idle), then a button. A mouse press can begin on the link
  // and end after that: hold the app's scripts so the press begins before it for certain.
  const scripts = await holdScripts(page)
  await page.goto(PRODUCTS_PATH, { waitUntil: 'commit' })
  const link = page.getByRole('banner').getByRole('link', { name: 'Cart' })
  const area = (await link.boundingBox())!
  await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2)
  await page.mouse.down()
  await scripts.release()
  await waitForListeners(link)
  await page.mouse.up()

  await expect(page).toHaveURL(CART_PATH)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your cart')
  // And then the control is the mini-cart's button, as it is for every other visit.
  await expect(page.getByRole('banner').getByRole('button', { name: 'Cart' })).toBeVisible(CART_CONTROL_LIVE)
})

test('quick add on a card adds one, shows it with a link to the cart, and says it', async ({ page }, testInfo) => {
  await gotoWithCart(page, PRODUCTS_PATH)
  // Named "Add to cart: <title>", so a screen reader knows which product it adds.
  const quickAdd = page.getByRole('list', { name: 'Products' }).getByRole('button', { name: /^Add to cart: ./ }).first()
  const title = (await quickAdd.getAttribute('aria-label'))!.replace(/^Add to cart: /, '')
  await quickAdd.click()
  const notice = page.getByRole('region', { name: 'Added to your cart' })
  await expect(notice).toContainText(title)
  await expect(notice.getByRole('link', { name: 'View cart, 1 item' })).toHaveAttribute('href', CART_PATH)
  await expectCartCount(page, 1)
  // Said through a status (polite live) region: the whole message, not only the notice a sighted shopper sees.
  await expect(page.getByRole('status').filter({ hasText: `Added ${title}` })).toHaveText(`Added ${title} to your cart. Your cart has 1 item.`)
  await page.screenshot({ path: testInfo.outputPath('quick-add-notice.png') })
})
