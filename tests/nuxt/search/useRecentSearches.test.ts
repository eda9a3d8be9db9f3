import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { RECENT_SEARCHES_KEY, RECENT_SEARCHES_MAX, useRecentSearches } from '~/composables/search/useRecentSearches'

const stored = () => JSON.parse(localStorage.getItem(RECENT_SEARCHES_KEY) ?? 'null') as unknown

describe('useRecentSearches', () => {
  beforeEach(() => {
    localStorage.clear()
  })

  it('keeps the latest first, without case-insensitive duplicates, and persists', async () => {
    const recent = useRecentSearches()
    recent.add('lamp')
    recent.add('  Desk   lamp ')
    recent.add('LAMP')
    await nextTick()
    expect(recent.recent.value).toEqual(['LAMP', 'Desk lamp'])
    expect(stored()).toEqual(['LAMP', 'Desk lamp'])
  })

  it(`keeps at most ${RECENT_SEARCHES_MAX}`, () => {
    const recent = useRecentSearches()
    for (let i = 0; i < RECENT_SEARCHES_MAX + 3; i++) recent.add(`q${i}`)
    expect(recent.recent.value).toHaveLength(RECENT_SEARCHES_MAX)
    expect(recent.recent.value[0]).toBe(`q${RECENT_SEARCHES_MAX + 2}`)
  })

  it('removes one or all', async () => {
    const recent = useRecentSearches()
    recent.add('a')
    recent.add('b')
    recent.remove('A')
    expect(recent.recent.value).toEqual(['b'])
    recent.clear()
    await nextTick()
    expect(recent.recent.value).toEqual([])
    expect(stored()).toEqual([])
  })

  it('reads anything that is not a list of strings as empty', async () => {
    localStorage.setItem(RECENT_SEARCHES_KEY, JSON.stringify({ not: 'a list' }))
    const recent = useRecentSearches()
    await nextTick()
    expect(recent.recent.value).toEqual([])
    recent.add('ok')
    expect(recent.recent.value).toEqual(['ok'])
  })
})
