import { expect, test, type Locator, type Page } from '../support/test'
import { CART_PATH, productPath } from '../../../utils/routes/paths'
import { waitForHydration, waitForListeners } from '../support/hydration'
import { addFault, addThroughApi, CART_CONTROL_LIVE, cartButton, cartLineWithChangedPrice, findProduct, gotoWithCart, resetFaults } from '../cart/support'

// WCAG 2.5.8: every pointer target at least 24 x 24 CSS px, on the narrowest screen the shop supports (320 px).
// Text links and the small buttons inside a sentence ("OK", "Try again", "Dismiss") were as tall as their text.

test.afterEach(resetFaults)
test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 740 })
})

async function expectTarget(target: Locator): Promise<void> {
  await expect(target).toBeVisible()
  const box = (await target.boundingBox())!
  // Soft: a test measuring several targets reports each one that is too small.
  expect.soft(box.height, `${target} at least 24 px tall`).toBeGreaterThanOrEqual(24)
  expect.soft(box.width, `${target} at least 24 px wide`).toBeGreaterThanOrEqual(24)
}

/** The home page's search box with "wireless" typed while the suggestions answer 500 once. */
async function typeIntoFailingSuggestions(page: Page): Promise<void> {
  await addFault({ path_pattern: '/products/suggest/', method: 'GET', status: 500, count: 1 })
  await page.goto('/')
  await waitForHydration(page)
  const box = page.getByRole('combobox', { name: 'Search products' })
  await waitForListeners(box)
  await box.fill('wireless')
}

async function cartWith(page: Page, product: { id: number }): Promise<void> {
  await gotoWithCart(page, '/')
  await addThroughApi(page, { product_id: product.id, quantity: 1 })
}

test('a product card\'s title link is a 24 px target, and its focus ring is not cut by the title\'s line clamp', async ({ page }) => {
  await page.goto('/products')
  await waitForHydration(page)
  const card = page.getByRole('list', { name: 'Products' }).getByRole('listitem').first()
  const link = card.getByRole('heading').getByRole('link')
  await expectTarget(link)
  await link.focus()
  // Drawn (an outline of its own, not a transparent one), and no box between the link and the card clips it (the
  // clamp's overflow did).
  const clippedBy = await link.evaluate((el) => {
    const style = getComputedStyle(el)
    if (!el.matches(':focus-visible') || style.outlineStyle === 'none' || style.outlineColor === 'rgba(0, 0, 0, 0)') return 'no focus outline'
    const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset)
    const ring = el.getBoundingClientRect()
    for (let box = el.parentElement; box && box.tagName !== 'ARTICLE'; box = box.parentElement) {
      if (getComputedStyle(box).overflow === 'visible') continue
      const clip = box.getBoundingClientRect()
      if (ring.top - reach < clip.top || ring.bottom + reach > clip.bottom || ring.left - reach < clip.left || ring.right + reach > clip.right) return box.tagName
    }
    return null
  })
  expect(clippedBy).toBeNull()
})

test('a cart line\'s title link, and the line\'s "OK", "Try again" and "Dismiss", are 24 px targets', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 5 })
  const line = await cartLineWithChangedPrice(page, product)
  await expectTarget(line.getByRole('link', { name: product.title }))
  await expectTarget(line.getByRole('button', { name: /^OK, keep .* at the new price$/ }))

  await addFault({ path_pattern: '/cart/items/*', method: 'PATCH', status: 503 })
  await line.getByRole('button', { name: `Increase quantity of ${product.title}` }).click()
  await expect(line).toContainText('Service temporarily unavailable')
  await expectTarget(line.getByRole('button', { name: 'Try again' }))
  await expectTarget(line.getByRole('button', { name: `Dismiss message about ${product.title}` }))
})

test('the mini-cart\'s "Try again" is a 24 px target', async ({ page }) => {
  const product = await findProduct({ variants: false })
  await cartWith(page, product)
  await addFault({ path_pattern: '/cart/', method: 'GET', status: 503, count: 100 })
  await page.goto(productPath(product))
  await waitForHydration(page)
  await expect(cartButton(page)).toBeVisible(CART_CONTROL_LIVE)
  await cartButton(page).click()
  await expectTarget(page.getByRole('dialog').getByRole('button', { name: 'Try again' }))
})

test('"Try again" in the search suggestions and after a failed "Add to cart" are 24 px targets', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 3 })
  await typeIntoFailingSuggestions(page)
  await expectTarget(page.getByRole('search').getByRole('button', { name: 'Try again' }))

  await gotoWithCart(page, productPath(product))
  await addFault({ path_pattern: '/cart/items/', method: 'POST', status: 503 })
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expectTarget(page.getByRole('region', { name: 'Not added to your cart' }).getByRole('button', { name: 'Try again' }))
})

test('"Try again" in the search suggestions stays on one line beside a long message at 320 px, a 24 px target', async ({ page }) => {
  await typeIntoFailingSuggestions(page)
  const retry = page.getByRole('search').getByRole('button', { name: 'Try again' })
  await expectTarget(retry)
  // One line box for its words: squeezed by the message beside it, it wrapped into "Try / again".
  const lines = await retry.evaluate((button) => {
    const range = document.createRange()
    range.selectNodeContents(button)
    return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size
  })
  expect(lines).toBe(1)
})

test('"Try again" of a part of a page that failed to load (the cart page\'s latest version) is a 24 px target', async ({ page }) => {
  const product = await findProduct({ variants: false })
  await cartWith(page, product)
  await gotoWithCart(page, '/')
  // Into the cart page inside the running app, as in cart-load-failures.spec.ts: the cart read there fails.
  await cartButton(page).click()
  const viewCart = page.getByRole('link', { name: 'View cart', exact: true })
  await expect(viewCart).toBeVisible()
  // The cart has been read (its line is in the mini-cart): the cart page then has a version to show as out of date.
  // The link shows before that read lands, and a fault added in between failed the whole cart instead.
  await expect(page.getByRole('dialog').getByRole('link', { name: product.title }).first()).toBeVisible()
  await addFault({ path_pattern: '/cart/', method: 'GET', status: 503, count: 100 })
  await viewCart.click()
  const stale = page.getByRole('alert').filter({ hasText: 'We could not load the latest version of your cart' })
  await expectTarget(stale.getByRole('button', { name: 'Try again' }))
})

test('the brand filter\'s "Show all", the mini-cart\'s "Continue shopping" and the added notice\'s "View cart" are 24 px targets', async ({ page }) => {
  await gotoWithCart(page, '/products')
  await page.getByRole('button', { name: 'Filters' }).click()
  await expectTarget(page.getByRole('complementary', { name: 'Filters' }).getByRole('button', { name: /^Show all \d+ brands$/ }))
  await cartButton(page).click()
  await expectTarget(page.getByRole('dialog').getByRole('link', { name: 'Continue shopping' }))
  await page.keyboard.press('Escape')
  await page.getByRole('list', { name: 'Products' }).getByRole('button', { name: /^Add to cart: ./ }).first().click()
  await expectTarget(page.getByRole('region', { name: 'Added to your cart' }).getByRole('link', { name: 'View cart, 1 item' }))
})

test('the cart page\'s "Undo" after a removal is a 24 px target', async ({ page }) => {
  const product = await findProduct({ variants: false })
  await cartWith(page, product)
  await gotoWithCart(page, CART_PATH)
  await page.getByRole('button', { name: `Remove ${product.title}` }).click()
  await expectTarget(page.getByRole('button', { name: `Undo: put ${product.title} back in your cart` }))
})
