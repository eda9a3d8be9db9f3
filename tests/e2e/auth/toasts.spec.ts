import { expect, test } from '../support/test'
import { gotoHydrated } from './support'

test('a useApi failure that no page handles becomes a toast', async ({ page }) => {
  await gotoHydrated(page, '/')
  // A call whose rejection nobody catches, made through the app's own transport.
  await page.evaluate(() => {
    const root = document.querySelector('#__nuxt') as unknown as { __vue_app__: { $nuxt: { $api: { get: (path: string) => Promise<unknown> } } } }
    void root.__vue_app__.$nuxt.$api.get('/products/999999999/')
  })
  await expect(page.getByRole('alert').filter({ hasText: /^(Not found\.|We could not find that\.)$/ })).toBeVisible()
})

test('on a 320 px phone a toast stays inside the screen and its close button says what it does', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 })
  await gotoHydrated(page, '/')
  await page.evaluate(() => {
    const root = document.querySelector('#__nuxt') as unknown as { __vue_app__: { $nuxt: { $api: { get: (path: string) => Promise<unknown> } } } }
    void root.__vue_app__.$nuxt.$api.get('/products/999999999/')
  })
  const toast = page.getByRole('alert').filter({ hasText: /^(Not found\.|We could not find that\.)$/ })
  await expect(toast).toBeVisible()
  // The toast around its message: the library's 326 px minimum width stuck out of a 320 px screen.
  // (Read once it has slid in: it enters from the right.)
  await expect.poll(async () => {
    const box = await toast.locator('..').boundingBox()
    return box !== null && box.x >= 0 && box.x + box.width <= 320
  }).toBe(true)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)

  await page.getByRole('button', { name: 'Dismiss message' }).click()
  await expect(toast).toHaveCount(0)
})
