import { expect, test, type Page } from '../support/test'
import { accountButton, gotoHydrated, register, signInLink, uniqueEmail } from '../auth/support'

// In a real browser: the guest cart token is an httpOnly cookie no script can read (only the "there is a cart"
// marker is readable, and it holds no token); registering merges the cart and drops the token cookie; signing
// out leaves no cart cookie behind, so the next person on this browser starts with an empty cart.
// The cart UI comes with the cart store; until then the page's own fetch plays the cart service's part.

interface CartAnswer { status: number, token: string | null, body: { items_count?: number, token?: string } }

function cartCall(page: Page, method: string, path: string, body?: unknown): Promise<CartAnswer> {
  return page.evaluate(async ({ method, path, body }) => {
    const response = await fetch(`/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-requested-with': 'storefront' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, token: response.headers.get('x-cart-token'), body: await response.json() }
  }, { method, path, body })
}

async function readableByScripts(page: Page): Promise<string> {
  return page.evaluate(() => {
    const storage = (s: Storage) => JSON.stringify(Object.fromEntries(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i)!)])))
    return [document.documentElement.outerHTML, document.cookie, storage(localStorage), storage(sessionStorage)].join('\n')
  })
}

test('the cart token stays out of every script\'s reach, moves into the account at registration, and leaves at sign-out', async ({ page, context }) => {
  await gotoHydrated(page, '/products')
  const products = await page.evaluate(async () => (await (await fetch('/api/products/?page_size=20')).json()) as { results: Array<{ id: number, in_stock: boolean }> })
  const product = products.results.find(p => p.in_stock)!

  const added = await cartCall(page, 'POST', '/cart/items/', { product_id: product.id, quantity: 2 })
  expect(added.status).toBe(201)
  expect(added.token).toBeNull()
  expect(added.body).not.toHaveProperty('token')
  expect(added.body.items_count).toBe(2)

  const cookies = await context.cookies()
  const token = cookies.find(c => c.name === 'sf_cart_token')!
  expect(token).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' })
  expect(cookies.find(c => c.name === 'sf_cart')).toMatchObject({ value: '1', httpOnly: false, sameSite: 'Lax' })

  // A reload with the cookie: the HTML, the payload, document.cookie and storage carry no token.
  const reloaded = await page.reload()
  expect(await reloaded!.text()).not.toContain(token.value)
  const readable = await readableByScripts(page)
  expect(readable).not.toContain(token.value)
  expect(await page.evaluate(() => document.cookie)).toContain('sf_cart=1')

  // Registering makes the guest cart the account's cart; the token cookie goes, the marker stays.
  await register(page, { firstName: 'Cara', lastName: 'Cookies', email: uniqueEmail('cart-cookies'), password: 'a-long-password-9' })
  await expect(accountButton(page, 'Cara Cookies')).toBeVisible()
  // Registration lands on the account page: a menu opened while that navigation is still under way closes with it.
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible()
  const signedIn = await context.cookies()
  expect(signedIn.map(c => c.name)).not.toContain('sf_cart_token')
  expect(signedIn.find(c => c.name === 'sf_cart')?.value).toBe('1')

  // Signing out clears every cart cookie; the next guest on this browser has an empty cart.
  await accountButton(page, 'Cara Cookies').click()
  await page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(signInLink(page)).toBeVisible()
  expect((await context.cookies()).map(c => c.name).filter(name => name.startsWith('sf_'))).toEqual([])
  expect((await cartCall(page, 'GET', '/cart/')).body).toMatchObject({ items_count: 0 })
})
