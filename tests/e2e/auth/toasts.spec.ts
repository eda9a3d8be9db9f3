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
