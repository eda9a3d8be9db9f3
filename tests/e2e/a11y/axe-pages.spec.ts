import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '../support/test'
import { CART_PATH, REGISTER_PATH, SIGN_IN_PATH, categoryPath, productPath } from '../../../utils/routes/paths'
import { animationsSettled } from '../support/animations'
import { waitForHydration, waitForListeners } from '../support/hydration'
import { gotoHydrated, signInThroughForm } from '../auth/support'
import { cartLineWithChangedPrice, findProduct } from '../cart/support'
import { backend } from '../checkout/support'

// axe (WCAG 2.0/2.1/2.2 A and AA, target size included) over every kind of page, in the states a shopper meets, at
// 320 px, where controls are most crowded; any violation fails. The checkout's steps, its confirmation and the order
// history are scanned by checkout/journey.spec.ts, the wishlist by wishlist-page.spec.ts, the search box by
// search-box.spec.ts, the mini-cart and the header by their own specs (cart-header.spec.ts, header.spec.ts); scanning
// them here again, and every state at 1280 px too, cost CI ~25 s, which its 15 minutes do not have (2026-11-27:
// no violation at either width in any state).

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const WIDTHS = [320]
const api = backend()

/** axe at each width; each violation is reported (softly) with the state and width it was found in. */
async function scan(page: Page, where: string, atWidth?: (width: number) => Promise<void>): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 320 ? 740 : 900 })
    await atWidth?.(width)
    await animationsSettled(page)
    // Violations only: axe's passes and "needs review" lists, serialized for every node, took as long again.
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] }).analyze()
    expect.soft(violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`), `${where} at ${width} px`).toEqual([])
  }
}

async function apiJson<T>(path: string): Promise<T> {
  return (await api.call<T>(path)).body
}

test('home, and /products with the filters open and with a filter that matches nothing', async ({ page }) => {
  await gotoHydrated(page, '/')
  await scan(page, 'home')

  // Eight cards: a card's rules are the same on each, and axe's time grows with every one.
  await gotoHydrated(page, '/products?page_size=8')
  await scan(page, '/products with the filters open', async () => {
    const toggle = page.getByRole('button', { name: 'Filters' })
    if (await toggle.isVisible() && await toggle.getAttribute('aria-expanded') !== 'true') await toggle.click()
    await expect(page.getByRole('complementary', { name: 'Filters' }).getByRole('group', { name: 'Brand' })).toBeVisible()
  })
  await gotoHydrated(page, '/products?min_price=999999')
  await scan(page, '/products with a filter that matches nothing')
})

test('a category, a product with variants and one out of stock', async ({ page }) => {
  const categories = await apiJson<{ results: Array<{ slug: string }> } | Array<{ slug: string }>>('/categories/')
  const category = (Array.isArray(categories) ? categories : categories.results)[0]!
  await gotoHydrated(page, `${categoryPath(category.slug)}?page_size=8`)
  await scan(page, 'a category')

  const varied = await findProduct({ variants: true })
  await gotoHydrated(page, productPath(varied))
  await scan(page, 'a product with variants')
  const gone = (await apiJson<{ results: Array<{ id: number, slug: string }> }>('/products/?in_stock=false&page_size=1')).results[0]!
  await gotoHydrated(page, productPath(gone))
  await scan(page, 'an out-of-stock product')
})

test('search with results, without, and the open suggestions box', async ({ page }) => {
  await gotoHydrated(page, '/search?q=headphones&page_size=8')
  await scan(page, 'search with results')
  await gotoHydrated(page, '/search?q=hedphones')
  await scan(page, 'search without results')
  await gotoHydrated(page, '/')
  const box = page.getByRole('combobox', { name: 'Search products' })
  await waitForListeners(box)
  await box.fill('wireless')
  await expect(page.getByRole('listbox', { name: 'Suggestions for wireless' })).toHaveAttribute('data-results-for', 'wireless')
  await scan(page, 'the open suggestions box')

})

test('an empty cart, sign-in with an error, register and a 404', async ({ page }) => {
  await gotoHydrated(page, CART_PATH)
  await scan(page, 'an empty cart')

  await gotoHydrated(page, SIGN_IN_PATH)
  await signInThroughForm(page, 'nobody-here@example.com', 'wrong-password-1')
  await expect(page.getByRole('alert').filter({ hasText: 'not right' })).toBeVisible()
  await scan(page, 'sign-in with an error')
  await gotoHydrated(page, REGISTER_PATH)
  await scan(page, 'register')

  await page.goto('/no-such-page')
  await waitForHydration(page)
  await scan(page, 'a 404')
})

test('a cart with a changed-price line', async ({ page }) => {
  const product = await findProduct({ variants: false, minStock: 5 })
  const line = await cartLineWithChangedPrice(page, product)
  await expect(line.getByRole('button', { name: /^OK, keep/ })).toBeVisible()
  await scan(page, 'a cart with a changed-price line')
})
