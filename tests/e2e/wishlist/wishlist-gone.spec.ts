import { expect, test } from '../support/test'
import { gotoHydrated } from '../auth/support'
import { backend, deletableProducts, newShopper, signInBrowser } from '../checkout/support'
import { WISHLIST_PATH } from '../../../utils/routes/paths'

// The shop deletes a product while it sits in a shopper's wishlist; the shopper comes back later (a new page load).
// The products are ones no order ever takes (checkout/support.ts): an ordered product cannot be deleted.
test('a wishlisted product the shop deleted while the shopper was away is named once on /wishlist', async ({ page, context, baseURL }) => {
  const api = backend()
  const shopper = await newShopper(api, 'wishlist-gone')
  const [gone, kept] = await deletableProducts(api, 2)
  const token = await shopper.token()
  for (const product of [gone!, kept!]) expect((await api.call('/wishlist/', { method: 'POST', token, body: { product_id: product.id } })).status).toBe(201)
  await signInBrowser(context.request, baseURL!, shopper)
  const rows = page.getByRole('list', { name: 'Saved products' }).getByRole('listitem')
  await gotoHydrated(page, WISHLIST_PATH)
  await expect(rows).toHaveCount(2)
  // The wishlist has started (its ids read): deleted before, this page would have said it (and the next one not).
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist, 2 items' })).toBeVisible()
  expect((await api.call(`/__products/${gone!.id}/`, { method: 'DELETE' })).status).toBe(204)

  const said = `${gone!.title} is no longer available and was removed from your wishlist.`
  await gotoHydrated(page, WISHLIST_PATH)
  await expect(rows).toHaveCount(1)
  await expect(page.locator('#main').getByText(said)).toBeVisible()
  await expect(page.locator('#app-announcer')).toHaveText(said)
  await page.reload()
  await expect(rows).toHaveCount(1)
  await expect(page.getByRole('banner').getByRole('link', { name: 'Wishlist, 1 item' })).toBeVisible()
  await expect(page.locator('#main').getByText('is no longer available')).toHaveCount(0)
})
