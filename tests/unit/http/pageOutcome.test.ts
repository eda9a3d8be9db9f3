import { describe, expect, it } from 'vitest'
import { DEFAULT_RETRY_AFTER_S, degradedHeaderValue, pageOutcome } from '~/utils/http/pageOutcome'

const down = { status: 503 }

describe('pageOutcome', () => {
  it('is complete when the main content and every part loaded', () => {
    expect(pageOutcome({ main: [null], parts: { facets: null } })).toEqual({ kind: 'complete', status: 200 })
  })

  it('is a 503 with Retry-After when any main source failed for the shop\'s reasons', () => {
    for (const status of [0, 500, 502, 503, 504, 429, 200, 401, 403]) {
      expect(pageOutcome({ main: [null, { status }] }), `status ${status}`).toEqual({ kind: 'unavailable', status: 503, retryAfterS: DEFAULT_RETRY_AFTER_S })
    }
  })

  it('passes on how long the backend asked to wait, bounded', () => {
    expect(pageOutcome({ main: [{ status: 429, retryAfterMs: 4_200 }] })).toMatchObject({ retryAfterS: 5 })
    expect(pageOutcome({ main: [{ status: 503, retryAfterMs: 10 }] })).toMatchObject({ retryAfterS: 1 })
    expect(pageOutcome({ main: [{ status: 503, retryAfterMs: 86_400_000 }] })).toMatchObject({ retryAfterS: 3_600 })
    expect(pageOutcome({ main: [{ status: 503, retryAfterMs: Number.NaN }] })).toMatchObject({ retryAfterS: DEFAULT_RETRY_AFTER_S })
  })

  it('is a 404 when the backend says the subject is gone, and a 400 when it refused the request', () => {
    expect(pageOutcome({ main: [{ status: 404 }] })).toEqual({ kind: 'not-found', status: 404 })
    expect(pageOutcome({ main: [{ status: 410 }] })).toEqual({ kind: 'not-found', status: 404 })
    expect(pageOutcome({ main: [{ status: 400 }] })).toEqual({ kind: 'invalid', status: 400 })
    expect(pageOutcome({ main: [null], notFound: true })).toEqual({ kind: 'not-found', status: 404 })
  })

  it('says unavailable rather than not found when one source is gone and another did not answer', () => {
    expect(pageOutcome({ main: [{ status: 404 }, down] }).kind).toBe('unavailable')
    expect(pageOutcome({ main: [down], notFound: true }).kind).toBe('unavailable')
  })

  it('is partial, naming what it misses, when only parts failed', () => {
    expect(pageOutcome({ main: [null], parts: { facets: down, related: null, reviews: { status: 0 } } }))
      .toEqual({ kind: 'partial', status: 200, missing: ['facets', 'reviews'] })
  })

  it('writes the missing parts as a plain, sorted header value', () => {
    expect(degradedHeaderValue(['reviews', 'Facets', 'facets', 'x\r\nset-cookie: a=1'])).toBe('facets, reviews, xset-cookiea1')
  })
})
