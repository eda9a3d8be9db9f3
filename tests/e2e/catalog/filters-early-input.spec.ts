import { expect, test } from '../support/test'
import { holdScripts, waitForHydration, waitForListeners } from '../support/hydration'
import { brandOf, renderedCards } from './support'

// The filter panel hydrates when the browser is idle, after the rest of the page. A shopper who ticks, types and
// chooses in the server HTML before that must get those filters applied, not a panel that silently ignores them.
// Holding every script until the input is done makes that order certain instead of a race.
test('filters set in the server-rendered panel before it hydrates are applied once it does', async ({ page }) => {
  const scripts = await holdScripts(page)
  await page.goto('/products', { waitUntil: 'commit' })
  const filters = page.getByRole('complementary', { name: 'Filters' })
  const brandBox = filters.getByRole('group', { name: 'Brand' }).getByRole('checkbox').first()
  await expect(brandBox).toBeVisible()
  const brandName = await brandOf(brandBox)
  await brandBox.check()
  await filters.getByRole('checkbox', { name: 'In stock only' }).check()
  await filters.getByRole('radio', { name: '3 stars & up' }).check()
  await filters.getByLabel('Minimum price').fill('10')
  // Leaving the field is the change the panel would have applied; here nothing was listening yet.
  await filters.getByLabel('Maximum price').focus()
  await expect.poll(() => scripts.held()).toBeGreaterThan(0)

  await scripts.release()
  await waitForHydration(page)

  await expect(page).toHaveURL(/[?&]brand=[a-z0-9-]+/)
  await expect(page).toHaveURL(/[?&]in_stock=1/)
  await expect(page).toHaveURL(/[?&]rating=3/)
  await expect(page).toHaveURL(/[?&]min_price=10(\.00)?(&|$)/)
  await expect.poll(async () => {
    const cards = await renderedCards(page)
    return cards.length > 0 && cards.every(card => card.brand === brandName && Number(card.price.replace(/[^0-9.]/g, '')) >= 10)
  }).toBe(true)
  // The controls still say what is applied.
  await expect(brandBox).toBeChecked()
  await expect(filters.getByLabel('Minimum price')).toHaveValue('10.00')
})

test('a price still being typed when the panel hydrates is kept in the field and applied on leaving it', async ({ page }) => {
  const scripts = await holdScripts(page)
  await page.goto('/products', { waitUntil: 'commit' })
  const maxPrice = page.getByRole('complementary', { name: 'Filters' }).getByLabel('Maximum price')
  await maxPrice.fill('50')

  await scripts.release()
  await waitForHydration(page)
  // Once the panel is live, the field still holds the text and nothing was applied behind the shopper's back.
  await waitForListeners(maxPrice)
  await expect(maxPrice).toHaveValue('50')
  await expect(maxPrice).toBeFocused()
  expect(new URL(page.url()).searchParams.has('max_price')).toBe(false)

  await maxPrice.press('Enter')
  await expect(page).toHaveURL(/[?&]max_price=50(\.00)?(&|$)/)
})

test('an order chosen in the server-rendered sort before the listing hydrates is applied once it does', async ({ page }) => {
  const scripts = await holdScripts(page)
  await page.goto('/products', { waitUntil: 'commit' })
  const sort = page.getByRole('combobox', { name: 'Sort by' })
  await sort.selectOption({ label: 'Price: low to high' })
  await expect.poll(() => scripts.held()).toBeGreaterThan(0)

  await scripts.release()
  await waitForHydration(page)

  await expect(page).toHaveURL(/[?&]sort=price-asc(&|$)/)
  await expect(sort).toHaveValue('price-asc')
  await expect.poll(async () => {
    const prices = (await renderedCards(page)).map(card => Number(card.price.replace(/[^0-9.]/g, '')))
    return prices.length > 1 && prices.every((price, index) => index === 0 || prices[index - 1]! <= price)
  }).toBe(true)
})
