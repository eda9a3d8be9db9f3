import { expect, test } from '../support/test'
import { categoryPath, PRODUCTS_PATH } from '../../../utils/routes/paths'
import { waitForHydration } from '../support/hydration'

// The connection drops while the shopper moves around the shop: the code of the page's parts (the product's
// skeleton and failure message, the product grid) cannot be fetched. The shopper is told, and the page finishes by
// itself when the connection is back, in place (server/utils/html/chunkRetry.ts).

test('a product opened offline says so, and shows once the connection is back', async ({ page, context }) => {
  await page.goto(PRODUCTS_PATH)
  await waitForHydration(page)
  const card = page.getByRole('list', { name: 'Products' }).getByRole('link').nth(3)
  const title = (await card.innerText()).split('\n')[0]!.trim()
  // The page's own code comes with the link's prefetch; what it loads later does not.
  await card.scrollIntoViewIfNeeded()
  await page.waitForLoadState('networkidle')

  await context.setOffline(true)
  await card.click()
  const alert = page.getByRole('alert').filter({ hasText: 'You are offline' })
  await expect(alert).toBeVisible()

  await context.setOffline(false)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(alert).toHaveCount(0)
})

test('a category whose code the shop fails to send says so, and lists its products after "Try again"', async ({ page }) => {
  await page.goto('/')
  await waitForHydration(page)
  await page.waitForLoadState('networkidle')
  const category = page.getByRole('region', { name: 'Shop by category' }).getByRole('link', { name: 'Beauty', exact: true })
  await expect(category).toHaveAttribute('href', categoryPath('beauty'))
  const code = /\/_nuxt\/.*\.js$/
  await page.route(code, route => route.abort('failed'))
  await category.click()
  const alert = page.getByRole('alert').filter({ hasText: 'could not load from the shop' })
  await expect(alert).toBeVisible()

  await page.unroute(code)
  await alert.getByRole('button', { name: 'Try again' }).click()
  await expect(page).toHaveURL(/\/categories\/beauty$/)
  await expect(page.getByRole('list', { name: 'Products' }).getByRole('link').first()).toBeVisible()
  await expect(alert).toHaveCount(0)
})
