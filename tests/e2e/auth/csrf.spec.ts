import { expect, test } from '../support/test'
import { DEMO, accountButton, gotoHydrated, refreshCookie, signInThroughForm } from './support'

test('a cross-site POST to the BFF is refused with 403', async ({ request, baseURL }) => {
  const response = await request.post('/api/auth/login', {
    headers: { 'origin': 'https://evil.example', 'x-requested-with': 'storefront' },
    data: DEMO,
  })
  expect(response.status()).toBe(403)
  expect(await response.json()).toMatchObject({ code: 'csrf_failed' })

  const sameOrigin = await request.post('/api/auth/login', { headers: { 'origin': baseURL!, 'x-requested-with': 'storefront' }, data: DEMO })
  expect(sameOrigin.status()).toBe(200)
})

test('a form on another site cannot sign the shopper out', async ({ page, context, baseURL }) => {
  await gotoHydrated(page, '/auth/login')
  await signInThroughForm(page, DEMO.email, DEMO.password)
  await expect(accountButton(page, DEMO.name)).toBeVisible()
  const before = await refreshCookie(context)

  // A page on evil.example that auto-submits a form to our BFF.
  await page.route('https://evil.example/**', route => route.fulfill({
    contentType: 'text/html',
    body: `<form id="f" method="post" action="${baseURL}/api/auth/logout"><input name="x" value="1"></form><script>document.getElementById('f').submit()</script>`,
  }))
  const refused = page.waitForResponse(response => response.url() === `${baseURL}/api/auth/logout`)
  await page.goto('https://evil.example/attack')
  expect((await refused).status()).toBe(403)

  expect(await refreshCookie(context)).toBe(before)
  await page.goto('/')
  await expect(accountButton(page, DEMO.name)).toBeVisible()
})
