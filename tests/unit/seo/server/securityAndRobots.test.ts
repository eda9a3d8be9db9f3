import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { inlineScriptHashes, originOf, pageScriptHashes } from '~/server/utils/security/inlineScriptHashes'
import { robotsTxt } from '~/server/utils/seo/robotsTxt'
import { facetDisallowPatterns } from '~/utils/routes/facetCrawling'
import { crawlerExcludedPrefixes } from '~/utils/routes/policy'

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

describe('inline script hashes for the CSP', () => {
  it('hashes executable inline scripts exactly as written, and nothing else', () => {
    const bootstrap = 'window.__NUXT__={};window.__NUXT__.config={public:{}}'
    const html = [
      `<script>${bootstrap}</script>`,
      '<script type="module" src="/_nuxt/entry.js" crossorigin></script>',
      '<script type="application/json" id="__NUXT_DATA__">[1,2]</script>',
      '<script type="application/ld+json">{"@type":"Product"}</script>',
      `<script>${bootstrap}</script>`,
    ]
    expect(inlineScriptHashes(html)).toEqual([sha256(bootstrap)])
  })

  it('allows the scripts the server writes into a page, never one inside the app\'s markup', () => {
    const loader = 'window.__load()'
    const payload = 'window.__NUXT__={}'
    const injected = 'alert(document.cookie)'
    const hashes = pageScriptHashes({
      head: [`<script>${loader}</script>`],
      bodyAppend: [`<script>${payload}</script>`],
      ...{ bodyPrepend: [`<script>${injected}</script>`], body: [`<div id="__nuxt"><p>Soft</p><script>${injected}</script></div>`] },
    })
    expect(hashes).toEqual([sha256(loader), sha256(payload)])
    expect(hashes).not.toContain(sha256(injected))
  })

  it('reads the origin of an absolute API base only', () => {
    expect(originOf('http://127.0.0.1:4010/api')).toBe('http://127.0.0.1:4010')
    expect(originOf('/api')).toBeNull()
  })
})

describe('robots.txt', () => {
  it('allows the catalog, keeps crawlers off personal pages, search results and the API, and names the sitemap', () => {
    // What /robots.txt serves: the route policy's non-public areas.
    const text = robotsTxt({ siteUrl: 'https://shop.example/', disallow: crawlerExcludedPrefixes(), disallowListings: facetDisallowPatterns() })
    const lines = text.split('\n')
    expect(lines[0]).toBe('User-agent: *')
    expect(lines).toEqual(expect.arrayContaining(['Allow: /', 'Disallow: /cart', 'Disallow: /checkout', 'Disallow: /search', 'Disallow: /api/', 'Allow: /api/media/']))
    expect(lines).toContain('Sitemap: https://shop.example/sitemap.xml')
    expect(lines.some(line => /^Disallow: \/(products|categories)?$/.test(line))).toBe(false)
  })
})
