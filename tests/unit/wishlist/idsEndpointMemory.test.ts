import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IDS_ABSENT_MEMORY_MS, idsAbsentRemembered, rememberIdsEndpoint } from '~/stores/wishlist/idsEndpointMemory'
import { stubTabStorage } from '../../support/tabStorage'

describe('idsEndpointMemory: "this backend lacks /wishlist/ids/", for a while, per API base', () => {
  let tab: Map<string, string>
  beforeEach(() => {
    tab = stubTabStorage()
  })
  afterEach(() => vi.unstubAllGlobals())

  it('is about the base it was learnt for, and only for IDS_ABSENT_MEMORY_MS', () => {
    rememberIdsEndpoint('/api', true, 1_000)
    expect(idsAbsentRemembered('/api', 1_000 + IDS_ABSENT_MEMORY_MS - 1)).toBe(true)
    expect(idsAbsentRemembered('https://other.example/api', 1_000)).toBe(false)
    expect(idsAbsentRemembered('/api', 1_000 + IDS_ABSENT_MEMORY_MS)).toBe(false)
    // Expired: gone from the tab's storage, not just ignored.
    expect(tab.size).toBe(0)
  })

  it('is forgotten when the endpoint answers, and when the clock went back (asked rather than kept for ever)', () => {
    rememberIdsEndpoint('/api', true, 5_000)
    rememberIdsEndpoint('/api', false, 6_000)
    expect(idsAbsentRemembered('/api', 6_000)).toBe(false)
    rememberIdsEndpoint('/api', true, 5_000)
    expect(idsAbsentRemembered('/api', 4_000)).toBe(false)
  })

  it('without storage (server render, storage disabled) nothing is remembered and nothing throws', () => {
    vi.stubGlobal('sessionStorage', undefined)
    rememberIdsEndpoint('/api', true)
    expect(idsAbsentRemembered('/api')).toBe(false)
    vi.stubGlobal('sessionStorage', { getItem: () => { throw new Error('denied') }, setItem: () => { throw new Error('full') }, removeItem: () => {} })
    expect(() => rememberIdsEndpoint('/api', true)).not.toThrow()
    expect(idsAbsentRemembered('/api')).toBe(false)
  })
})
