import { expect, test } from '../support/test'
import { waitForHydration } from '../support/hydration'
import { backend, newShopper, signInBrowser } from '../checkout/support'

// A signed-in shopper reaches their orders from any page, by the header's account menu and their account page:
// before, only the checkout's last page (and an empty checkout) linked to them, so past orders could not be found
// by navigating.
test('from the account menu, the account page leads to the shopper\'s orders', async ({ page, context, baseURL }) => {
  const shopper = await newShopper(backend(), 'a11y-orders-link')
  await signInBrowser(context.request, baseURL!, shopper)
  await page.goto('/')
  await waitForHydration(page)

  await page.getByRole('banner').getByRole('button', { name: `Account: ${shopper.name}` }).press('Enter')
  await page.getByRole('banner').getByRole('list', { name: 'Account' }).getByRole('link', { name: 'Your account' }).press('Enter')
  await expect(page.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible()

  const orders = page.getByRole('main').getByRole('link', { name: 'Your orders' })
  await expect(orders).toBeVisible()
  await orders.press('Enter')
  await expect(page).toHaveURL(/\/orders$/)
  await expect(page.getByRole('heading', { name: 'Your orders', level: 1 })).toBeVisible()
})
