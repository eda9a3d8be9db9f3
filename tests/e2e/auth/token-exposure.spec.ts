import { expect, test, type Page } from '../support/test'
import { DEMO, accountButton, gotoHydrated, signInThroughForm } from './support'

const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/

/** Everything a script on the page (or a cached copy of the page) could read. */
async function readableByScripts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const storage = (s: Storage) => JSON.stringify(Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i)!)])))
    return {
      nuxtData: document.getElementById('__NUXT_DATA__')?.textContent ?? '',
      // The payload script's object, which the app then keeps using (reactive, so it has cycles): every string in it.
      nuxtGlobal: (() => {
        const seen = new WeakSet<object>()
        return JSON.stringify((window as unknown as { __NUXT__?: unknown }).__NUXT__ ?? null, (_key, value: unknown) => {
          if (typeof value !== 'object' || value === null) return value
          if (seen.has(value)) return undefined
          seen.add(value)
          return value
        })
      })(),
      localStorage: storage(window.localStorage),
      sessionStorage: storage(window.sessionStorage),
      documentCookie: document.cookie,
      dom: document.documentElement.outerHTML,
    }
  })
}

test('the access token never appears in the HTML, the __NUXT__ payload, localStorage or document.cookie', async ({ page }) => {
  const seenTokens = new Set<string>()
  page.on('request', (request) => {
    const bearer = request.headers().authorization?.replace(/^Bearer /, '')
    if (bearer) seenTokens.add(bearer)
  })
  page.on('response', async (response) => {
    if (!/\/api\/auth\/(login|refresh)$/.test(new URL(response.url()).pathname)) return
    const body = await response.json().catch(() => null) as { access?: string } | null
    if (body?.access) seenTokens.add(body.access)
  })

  await gotoHydrated(page, '/auth/login?redirect=/auth/profile')
  await signInThroughForm(page, DEMO.email, DEMO.password)
  await expect(accountButton(page, DEMO.name)).toBeVisible()
  await expect(page).toHaveURL(/\/auth\/profile$/)

  // The server render of a signed-in page: it used an access token of its own to load the profile.
  const reloaded = await page.reload()
  const html = await reloaded!.text()
  await expect(accountButton(page, DEMO.name)).toBeVisible()
  // Make the browser fetch a token of its own too (lazy refresh), then use it.
  await page.getByLabel('First name').fill('Demo')
  await page.getByRole('button', { name: 'Save name' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  expect(seenTokens.size).toBeGreaterThanOrEqual(2)

  const readable = await readableByScripts(page)
  expect(html).not.toMatch(JWT)
  for (const [where, text] of Object.entries(readable)) {
    expect(text, where).not.toMatch(JWT)
    for (const token of seenTokens) expect(text.includes(token), where).toBe(false)
  }
  for (const token of seenTokens) expect(html.includes(token)).toBe(false)
  // The refresh token is there, but only as an httpOnly cookie.
  const cookies = await page.context().cookies()
  const refresh = cookies.find(cookie => cookie.name === 'sf_refresh')
  expect(refresh?.httpOnly).toBe(true)
  expect(refresh?.sameSite).toBe('Lax')
  expect(readable.documentCookie).not.toContain('sf_refresh')
})

test('the backend\'s token endpoints are out of reach through the storefront, however the path is written', async ({ request }) => {
  // SimpleJWT answers these with a refresh token in the body; only the BFF's routes may call them.
  for (const path of ['/api/auth/token/', '/api/auth//token/', '/api/AUTH/Token/', '/api/auth/token%2F', '/api/auth/token/refresh/', '/api/auth/token/verify/']) {
    const response = await request.post(path, { data: { email: DEMO.email, password: DEMO.password } })
    expect(response.status(), path).toBe(404)
    expect(await response.text(), path).not.toMatch(JWT)
  }
})
