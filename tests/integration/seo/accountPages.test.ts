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

  it('password reset: the request page is noindex; a link\'s page keeps its token out of caches, Referers and links; other steps are 404', async () => {
    const request = await page(null, '/auth/password-reset')
    expect(request.status).toBe(200)
    expect(robotsMeta(await request.text())).toBe('noindex, follow')

    const token = 'cz1k2w-0123456789abcdef0123456789abcdef'
    const link = await page(null, `/auth/password-reset/confirm?uid=MQ&token=${token}`)
    const html = await link.text()
    expect(link.status).toBe(200)
    expect(robotsMeta(html)).toBe('noindex, nofollow')
    expect(link.headers.get('cache-control')).toBe('private, no-store')
    expect(link.headers.get('referrer-policy')).toBe('no-referrer')
    expect(html).toContain('<meta name="referrer" content="no-referrer">')
    // No link of the page carries it on (the header's sign-in link used to, as its way back).
    expect([...html.matchAll(/href="([^"]*)"/g)].map(match => match[1]).filter(href => href?.includes(token))).toEqual([])

    expect((await page(null, '/auth/password-reset/elsewhere')).status).toBe(404)
  })
})
