import { describe, expect, it } from 'vitest'
import { appLoaderScript, EARLY_TAPS_SCRIPT } from '~/server/utils/html/beforeHydration'
import { CHUNK_RETRY_SCRIPT } from '~/server/utils/html/chunkRetry'
import { auditHtml, visibleText } from '../../chaos/support/htmlAudit'
import { backendViolations } from '../../chaos/support/backendInvariants'

// The chaos suite's own checks must be able to fail: each finds what it is there to find.
describe('the chaos HTML audit', () => {
  const page = (body: string, head = '') => `<!DOCTYPE html><html><head>${head}</head><body>${body}<script type="module" src="/_nuxt/entry.js"></script></body></html>`

  it('passes a page with only what the storefront puts there', () => {
    expect(auditHtml(page('<a href="/products/1">x</a><img src="/api/media/1.svg" alt="&lt;script&gt;">', '<script type="application/ld+json">{"a":1}</script>'))).toEqual([])
    expect(auditHtml(page('<p>x</p>', `<script>${EARLY_TAPS_SCRIPT}</script><script>${CHUNK_RETRY_SCRIPT}</script><script>${appLoaderScript('/_nuxt/Ab1.js', [{ href: '/_nuxt/Ab1.js', integrity: 'sha384-x' }, { href: '/_nuxt/Cd2.js' }])}</script>`))).toEqual([])
  })

  it.each([
    ['an inline script', '<script>alert(1)</script>'],
    ['an app loader that loads from elsewhere', `<script>${appLoaderScript('/_nuxt/Ab1.js', [{ href: 'https://evil.invalid/x.js' }])}</script>`],
    ['an app loader with something added', `<script>${appLoaderScript('/_nuxt/Ab1.js', [{ href: '/_nuxt/Ab1.js' }])};alert(1)</script>`],
    ['an event handler', '<img src=x onerror=alert(1)>'],
    ['a javascript: link', '<a href=" java\tscript:alert(1)">x</a>'],
    ['an iframe', '<iframe src="/x"></iframe>'],
    ['a base element', '<base href="https://evil.invalid/">'],
    ['a link to another host disguised as a path', '<a href="/\\evil.invalid">x</a>'],
    ['a foreign script', '<script src="https://evil.invalid/x.js"></script>'],
    ['a meta refresh to elsewhere', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['JSON-LD broken out of', '<script type="application/ld+json">{"a":"</script><b>"}</script>'],
  ])('finds %s', (_name, markup) => {
    expect(auditHtml(page(markup)).length).toBeGreaterThan(0)
  })

  it('reads the text a shopper sees, without scripts', () => {
    expect(visibleText(page('<p>Hello <b>&lt;img&gt;</b></p>', '<script>var x = "no"</script>'))).toContain('Hello <img>')
    expect(visibleText(page('<p>a</p>', '<script>var x = "no"</script>'))).not.toContain('no')
  })
})

describe('the backend invariants', () => {
  it('flag what the storefront should have refused or cleaned before sending', () => {
    expect(backendViolations([
      { method: 'GET', url: '/products/?search=mug&brand=acme&page_size=24&ordering=price&min_price=10.5' },
      { method: 'GET', url: '/orders/12/' },
    ])).toEqual([])
    expect(backendViolations([
      { method: 'GET', url: '/products/?brand=%3Cscript%3E' },
      { method: 'GET', url: '/products/?page_size=1000000000' },
      { method: 'GET', url: '/products/abc/' },
      { method: 'GET', url: '/orders/..%2F1/' },
      { method: 'GET', url: `/products/?search=${'a'.repeat(300)}` },
      { method: 'POST', url: '/auth/token/', body: JSON.stringify({ email: 'a'.repeat(300), password: 'x' }) },
    ])).toHaveLength(6)
  })
})
