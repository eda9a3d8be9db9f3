import { describe, expect, it } from 'vitest'
import { MAX_PAGE_URL_LENGTH, pageUrlProblem } from '~/server/utils/pages/pageUrl'

describe('pageUrlProblem', () => {
  it('lets every page URL the storefront makes through, query and all', () => {
    for (const url of ['/', '/products', '/products/12-blue-mug', '/categories/k%C3%BCche', '/search?q=%3Cscript%3E&brand=a', '/products?q=100%', '/products?cursor=eyJrIjo1fQ&from=abc']) {
      expect(pageUrlProblem(url), url).toBeNull()
    }
  })

  it('refuses a path that is not percent-encoded text as malformed (400)', () => {
    expect(pageUrlProblem('/%E0%A4%A')).toBe(400)
    expect(pageUrlProblem('/products/%ZZ')).toBe(400)
  })

  it('answers 404 for paths no page can have: NUL, controls, whitespace, invisible and direction characters, backslashes', () => {
    for (const url of ['/products/%00', '/products/%20', '/products/%0d%0a', '/products/%09', '/categories/x%E2%80%AE', '/products/%EF%BB%BF1', '/products/..%5C..%5Cetc']) {
      expect(pageUrlProblem(url), url).toBe(404)
    }
  })

  it('answers 404 for dot segments, plain or percent-encoded: no page has one, and the router read them as another page', () => {
    // `/products/%2e%2e` rendered the home page and `/categories/%2e` the categories page, each with a 200.
    for (const url of ['/products/..', '/products/.', '/products/%2e%2e', '/categories/%2E', '/categories/%2e/clothing', '/products/../categories?q=a']) {
      expect(pageUrlProblem(url), url).toBe(404)
    }
    // Dots inside a segment are text, not a segment of their own.
    expect(pageUrlProblem('/products/12-blue-mug...')).toBeNull()
    expect(pageUrlProblem('/search?q=..')).toBeNull()
  })

  it('refuses URLs longer than any the storefront makes (414)', () => {
    expect(pageUrlProblem(`/search?q=${'a'.repeat(MAX_PAGE_URL_LENGTH)}`)).toBe(414)
  })
})
