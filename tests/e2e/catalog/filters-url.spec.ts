import { expect, test, type Page } from '../support/test'
import { holdComponent, waitForHydration, waitForListeners } from '../support/hydration'
import { brandOf, firstIds, renderedCards } from './support'

test('filters and sort live in the URL: reload and back/forward show the same results', async ({ page }) => {
  // Two choices a second or more apart are two history entries (a quicker run of changes is one): the clock is moved
  // on between them rather than waited for.
  await page.clock.install()
  await page.goto('/products')
  await waitForHydration(page)
  const grid = page.getByRole('list', { name: 'Products' })
  const unfiltered = await firstIds(page)

  // A brand: every card is from that brand.
  const filters = page.getByRole('complementary', { name: 'Filters' })
  const brandBox = filters.getByRole('group', { name: 'Brand' }).getByRole('checkbox').first()
  const brandName = await brandOf(brandBox)
  // The panel hydrates when the browser is idle (up to 10 s on a busy machine): this test is about what follows.
  await waitForListeners(brandBox)
  await brandBox.check()
  await expect(page).toHaveURL(/[?&]brand=[a-z0-9-]+/)
  // An empty grid (still loading) would pass `every` vacuously: wait for cards, all of that brand.
  await expect.poll(async () => {
    const cards = await renderedCards(page)
    return cards.length > 0 && cards.every(card => card.brand === brandName)
  }).toBe(true)
  const byBrand = await firstIds(page)
  expect(byBrand).not.toEqual(unfiltered)

  // Then a sort: prices go up.
  await page.clock.fastForward(1500)
  await page.getByLabel('Sort by').selectOption('price-asc')
  await expect(page).toHaveURL(/sort=price-asc/)
  await expect.poll(async () => {
    const ids = await firstIds(page)
    return ids.length > 0 && ids.join() !== byBrand.join()
  }).toBe(true)
  const sorted = await firstIds(page)
  const prices = (await renderedCards(page)).sort((a, b) => a.position - b.position).map(c => Number(c.price.replace(/[^0-9.]/g, '')))
  // Every card shows a price (an unread one would be 0 and pass as "sorted"), and they go up.
  expect(prices.length).toBeGreaterThan(0)
  expect(prices.every(price => price > 0)).toBe(true)
  expect(prices).toEqual([...prices].sort((a, b) => a - b))

  // Reload: same URL, same results, same controls.
  const url = page.url()
  await page.reload()
  await waitForHydration(page)
  expect(page.url()).toBe(url)
  expect(await firstIds(page)).toEqual(sorted)
  await expect(page.getByLabel('Sort by')).toHaveValue('price-asc')
  await expect(page.getByRole('checkbox', { name: new RegExp(`^${brandName}`) })).toBeChecked()

  // Back and forward walk through the filter history.
  await page.goBack()
  await expect(page).not.toHaveURL(/sort=/)
  await expect.poll(() => firstIds(page)).toEqual(byBrand)
  await page.goBack()
  await expect(page).not.toHaveURL(/brand=/)
  await expect.poll(() => firstIds(page)).toEqual(unfiltered)
  await page.goForward()
  await expect.poll(() => firstIds(page)).toEqual(byBrand)
  await expect(grid).toBeVisible()
})

test('a category page keeps its filters in the URL and its category in the path', async ({ page }) => {
  await page.goto('/products')
  await waitForHydration(page)
  await page.getByRole('checkbox', { name: 'In stock only' }).check()
  await expect(page).toHaveURL(/in_stock=1/)
  // A top-level category, by name (its link also shows a count: "Beauty (1,234)").
  const categoryLink = page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: /^Beauty\b/ })
  await categoryLink.click()
  await expect(page).toHaveURL(/\/categories\/beauty\?in_stock=1$/)
  await expect(page.getByRole('checkbox', { name: 'In stock only' })).toBeChecked()
  await expect.poll(async () => {
    const cards = await page.getByRole('list', { name: 'Products' }).getByRole('listitem').allTextContents()
    return cards.length > 0 && !cards.some(t => t.includes('Sold out'))
  }).toBe(true)
})

/** The first cards' titles with their links' addresses. */
function titledLinks(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Products' }).getByRole('heading').evaluateAll(headings =>
    headings.slice(0, 8).map(heading => `${heading.textContent?.trim() ?? ''} -> ${heading.querySelector('a')?.getAttribute('href') ?? ''}`))
}

test('Back right after a reload, before the grid has hydrated, shows the products of the address, links and all', async ({ page }) => {
  await page.goto('/products')
  await waitForHydration(page)
  const newest = await firstIds(page)
  await page.getByLabel('Sort by').selectOption('price-asc')
  await expect(page).toHaveURL(/sort=price-asc/)
  await expect.poll(async () => (await firstIds(page)).join()).not.toBe(newest.join())

  // The reloaded page's grid stays server markup (its code held) while the shopper goes back.
  const grid = await holdComponent(page, 'ProductGrid')
  await page.reload()
  await waitForHydration(page)
  await expect.poll(() => grid.held()).toBeGreaterThan(0)
  await page.goBack()
  await expect(page).not.toHaveURL(/sort=/)
  await grid.release()

  // The cards are the newest products', each title with its own link (not the sorted page's links under new titles):
  // as a fresh load of the address shows them.
  await expect.poll(() => firstIds(page)).toEqual(newest)
  const fresh = await page.context().newPage()
  await fresh.goto('/products')
  expect(await titledLinks(page)).toEqual(await titledLinks(fresh))
  await fresh.close()
})

test('arrow keys on the sort choose every option they pass, and Back goes to the listing before them, not through each', async ({ page }) => {
  await page.clock.install()
  await page.goto('/products')
  await waitForHydration(page)
  const sort = page.getByLabel('Sort by')
  await sort.focus()
  // The page's clock stands still while the keys are pressed (its timers keep running): a run of presses within a
  // second, however busy the machine running the test.
  await page.clock.setFixedTime(await page.evaluate(() => Date.now()))
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown')
  await expect(page).toHaveURL(/sort=title/)
  await page.goBack()
  await expect(page).not.toHaveURL(/sort=/)
  await expect(sort).toHaveValue('newest')
})

test('two different filters ticked within a second are two history entries: Back walks them back one at a time', async ({ page }) => {
  await page.clock.install()
  await page.goto('/products')
  await waitForHydration(page)
  const boxes = page.getByRole('complementary', { name: 'Filters' }).getByRole('group', { name: 'Brand' }).getByRole('checkbox')
  const [first, second] = [boxes.nth(0), boxes.nth(1)]
  await waitForListeners(first)
  const [a, b] = [await first.inputValue(), await second.inputValue()]

  // The page's clock says 0.7 s went by between the two clicks (its timers keep running): within a second, however
  // busy the machine running the test.
  const start = await page.evaluate(() => Date.now())
  await page.clock.setFixedTime(start)
  await first.check()
  await expect(page).toHaveURL(new RegExp(`[?&]brand=${a}$`))
  await page.clock.setFixedTime(start + 700)
  await second.check()
  await expect.poll(() => new URL(page.url()).searchParams.getAll('brand').sort()).toEqual([a, b].sort())

  await page.goBack()
  await expect.poll(() => new URL(page.url()).searchParams.getAll('brand')).toEqual([a])
  await expect(first).toBeChecked()
  await expect(second).not.toBeChecked()
  await page.goBack()
  await expect(page).toHaveURL(/\/products$/)
  await expect(first).not.toBeChecked()
})
