import { describe, expect, it } from 'vitest'
import { Browser } from '../cart/support/cartBff'
import { useBuiltStack } from '../server/support/builtStack'

// The production build: the account pages are kept from search engines like every other page robots.txt disallows
// (cart, checkout, orders, wishlist, search), by their robots meta too, for crawlers that read pages robots.txt
// keeps them from. Every page links to sign-in with its own address as the way back: one sign-in URL per page.
// Needs `npm run build`.

const stack = useBuiltStack({ seedProducts: 20 })

const robotsMeta = (html: string) => /<meta name="robots" content="([^"]+)"/.exec(html)?.[1]

function page(browser: Browser | null, path: string): Promise<Response> {
  const cookie = browser ? [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ') : ''
  return fetch(stack.web.url + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' })
}

describe('account pages on the built server', () => {
  it('say noindex, follow: sign-in and registration to a guest, the profile to its shopper', async () => {
    for (const path of ['/auth/login', '/auth/login?redirect=/products', '/auth/register']) {
      const response = await page(null, path)
      expect(response.status, path).toBe(200)
      expect(robotsMeta(await response.text()), path).toBe('noindex, follow')
    }
    const browser = new Browser(stack.web.url)
    const registered = await browser.post('/api/auth/register', { email: `account-pages-${Date.now()}@example.com`, password: 'a-long-password-1', first_name: 'Ada', last_name: 'Lovelace' })
    expect(registered.response.status).toBe(201)
    const profile = await page(browser, '/auth/profile')
    expect(profile.status).toBe(200)
    expect(robotsMeta(await profile.text())).toBe('noindex, follow')
  })
})
