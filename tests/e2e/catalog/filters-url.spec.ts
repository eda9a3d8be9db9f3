import { expect, test } from '../support/test'
import { waitForHydration } from '../support/hydration'
import { brandOf, firstIds, renderedCards } from './support'

test('filters and sort live in the URL: reload and back/forward show the same results', async ({ page }) => {
  await page.goto('/products')
  await waitForHydration(page)
  const grid = page.getByRole('list', { name: 'Products' })
  const unfiltered = await firstIds(page)

  // A brand: every card is from that brand.
  const filters = page.getByRole('complementary', { name: 'Filters' })
  const brandBox = filters.getByRole('group', { name: 'Brand' }).getByRole('checkbox').first()
  const brandName = await brandOf(brandBox)
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
