import { expect, test, type Page } from '../support/test'
import { productPath } from '../../../utils/routes/paths'
import { holdChunk } from '../support/hydration'
import { backendRoutes, cartAtBackend, expectCartCount, findProduct, gotoWithCart, resetFaults } from './support'

// A guest's first "Add to cart" says "a cart is being made" in localStorage (stores/cart/cartCreation.ts), so the
// next page waits for that answer (up to 12 s) rather than make a second cart. A shopper may leave after that
// claim but before the request has left the page - here the api transport's code is held back, as on a slow
// connection; a token refresh or the breaker hold it the same way. That request is never sent, so the claim must go
// with the page: the next page's "Add to cart" must not wait for an answer that cannot come.
// (leave-while-adding.spec.ts covers the other side: once sent, the request lands, and the next page waits for it.)

test.afterEach(resetFaults)

/** The claim the next page would wait on, if any. */
function creationClaim(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem('sf-cart-creating'))
}

test('a page left before its first addition was sent does not hold up the next page\'s "Add to cart"', async ({ page }) => {
  const mug = await findProduct({ variants: false, minStock: 3 })
  const lamp = await findProduct({ variants: false, minStock: 3, skip: [mug.id] })
  await resetFaults()
  // The api transport's chunk (createApiClient.ts keeps this sentence): its requests wait for it, unsent.
  const transport = await holdChunk(page, 'Your session has ended. Please sign in again.')
  await gotoWithCart(page, productPath(mug))
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expectCartCount(page, 1)
  await expect.poll(() => creationClaim(page), { message: 'the addition claimed the making of the cart' }).not.toBeNull()
  await expect.poll(transport.held, { message: 'the addition waits for the transport\'s code' }).toBeGreaterThan(0)

  // A full page load now: the addition never leaves. The next page gets the transport as usual.
  transport.pass()
  await gotoWithCart(page, productPath(lamp))
  expect(await creationClaim(page), 'nothing was sent from the page left: no page waits for it').toBeNull()

  const sent = page.waitForRequest(request => request.method() === 'POST' && new URL(request.url()).pathname === '/api/cart/items/')
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click()
  // Answered within expect's usual wait: not held until the 12 s claim of the page left runs out.
  await expect(page.getByRole('region', { name: 'Added to your cart' })).toContainText(lamp.title)
  await sent
  await expectCartCount(page, 1)
  expect((await cartAtBackend(page)).items.map(line => [line.product_id, line.quantity])).toEqual([[lamp.id, 1]])
  expect((await backendRoutes())['POST /cart/items/'], 'the addition of the page left never reached the backend').toBe(1)
})
