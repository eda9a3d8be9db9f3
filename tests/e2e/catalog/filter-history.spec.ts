import { expect, test, type Locator, type Page } from '../support/test'
import { waitForHydration, waitForListeners } from '../support/hydration'
import { brandOf, renderedCards } from './support'

const scrollY = (page: Page) => page.evaluate(() => window.scrollY)

/** The address as the page shows it, without the origin. */
const address = (page: Page) => page.evaluate(() => window.location.pathname + window.location.search)

test('back/forward between filter states lands on the place each had, and leaves their addresses alone', async ({ page }) => {
  // Two filter choices a second or more apart are two history entries: the clock is moved on between them.
  await page.clock.install()
  // Tall enough for every filter to be in view at the top: ticking one scrolls nothing.
  await page.setViewportSize({ width: 1280, height: 1600 })
  await page.goto('/products')
  await waitForHydration(page)
  const filters = page.getByRole('complementary', { name: 'Filters' })
  const brandBox = filters.getByRole('group', { name: 'Brand' }).getByRole('checkbox').first()
  const brandName = await brandOf(brandBox)
  const inStock = page.getByRole('checkbox', { name: 'In stock only' })

  // A brand, at the top of the page (its box is in view there).
  // The panel hydrates when the browser is idle (up to 10 s on a busy machine): this test is about what follows.
  await waitForListeners(brandBox)
  await brandBox.check()
  await expect(page).toHaveURL(/\/products\?brand=[a-z0-9-]+$/)
  expect(await scrollY(page)).toBe(0)
  const byBrand = await address(page)
  await expect.poll(async () => {
    const cards = await renderedCards(page)
    return cards.length > 0 && cards.every(card => card.brand === brandName)
  }).toBe(true)

  // Then in stock only, scrolled deep: the address bar follows the component page on screen.
  await page.clock.fastForward(2500)
  await inStock.check()
  await expect(page).toHaveURL(/in_stock=1/)
  expect(await scrollY(page)).toBe(0)
  const inStockAddress = await address(page)
  await expect.poll(async () => {
    await page.mouse.wheel(0, 2000)
    return new URL(page.url()).searchParams.has('cursor') && await scrollY(page) > 4000
  }, { timeout: 30_000 }).toBe(true)
  // Where the shopper stopped: the place and the address bar's component page, once two frames leave them alone.
  let deep = -1
  await expect.poll(async () => {
    const before = [await scrollY(page), await address(page)] as const
    await page.evaluate(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))
    deep = before[0]
    return before[0] === await scrollY(page) && before[1] === await address(page) && before[1].includes('cursor=')
  }).toBe(true)
  const deepAddress = await address(page)
  expect(deepAddress.startsWith(inStockAddress)).toBe(true)

  /** After a Back or Forward: the filter box as that entry had it, its own place, and its own address. */
  async function landsOn(box: Locator, checked: boolean, top: number, at: string): Promise<void> {
    await expect(box).toBeChecked({ checked })
    await expect.poll(() => scrollY(page)).toBe(top)
    expect(await address(page)).toBe(at)
  }
  const backToTheStart = async () => {
    // Back: the brand alone, at the top where it was left; then every product, at the top.
    await page.goBack()
    await landsOn(inStock, false, 0, byBrand)
    await page.goBack()
    await landsOn(brandBox, false, 0, '/products')
  }

  await backToTheStart()
  // Forward: the brand at the top, then in stock only where the shopper had scrolled to.
  await page.goForward()
  await landsOn(brandBox, true, 0, byBrand)
  await page.goForward()
  await landsOn(inStock, true, deep, deepAddress)
  // The earlier entries kept their own addresses (a reload or shared link from them starts at the top).
  await backToTheStart()
})
