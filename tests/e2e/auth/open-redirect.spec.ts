import { expect, test } from '../support/test'
import { DEMO, accountButton, gotoHydrated, signInThroughForm } from './support'

const HOSTILE = ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '%2F%2Fevil.example', '/%5Cevil.example']

test('hostile ?redirect= values land on a same-origin page after signing in', async ({ page, baseURL }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  for (const target of HOSTILE) {
    await page.context().clearCookies()
    await gotoHydrated(page, `/auth/login?redirect=${encodeURIComponent(target)}`)
    await signInThroughForm(page, DEMO.email, DEMO.password)
    await expect(accountButton(page, DEMO.name)).toBeVisible()
    await expect(page, target).toHaveURL(`${baseURL}/`)
  }
  expect(dialogs).toEqual([])
})

test('hostile ?redirect= values land on a same-origin page when already signed in', async ({ page, baseURL }) => {
  await gotoHydrated(page, '/auth/login')
  await signInThroughForm(page, DEMO.email, DEMO.password)
  await expect(accountButton(page, DEMO.name)).toBeVisible()
  for (const target of HOSTILE) {
    // Server-side guard (the first request) ...
    await gotoHydrated(page, `/auth/login?redirect=${encodeURIComponent(target)}`)
    await expect(page, target).toHaveURL(`${baseURL}/`)
    // ... and the client-side one (a navigation inside the running app).
    await page.evaluate(async (t) => {
      const root = document.querySelector('#__nuxt') as unknown as { __vue_app__: { $nuxt: { $router: { push: (to: string) => Promise<unknown> } } } }
      await root.__vue_app__.$nuxt.$router.push(`/auth/register?redirect=${encodeURIComponent(t)}`)
    }, target)
    await expect(page, target).toHaveURL(`${baseURL}/`)
  }
  // A way back to sign-in itself does not bounce between the guards.
  await gotoHydrated(page, `/auth/login?redirect=${encodeURIComponent('/auth/register?redirect=/auth/login')}`)
  await expect(page).toHaveURL(`${baseURL}/`)
  // A good target is honoured.
  await gotoHydrated(page, `/auth/login?redirect=${encodeURIComponent('/products?sort=price-asc')}`)
  await expect(page).toHaveURL(`${baseURL}/products?sort=price-asc`)
})
