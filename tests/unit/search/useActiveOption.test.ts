import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { useActiveOption } from '~/composables/search/useActiveOption'

const rows = (...keys: string[]) => keys.map(key => ({ key }))

describe('useActiveOption', () => {
  it('moves down from nothing to the first row and up from nothing to the last, wrapping', () => {
    const options = ref(rows('a', 'b', 'c'))
    const nav = useActiveOption(options)
    nav.move(1)
    expect(nav.activeKey.value).toBe('a')
    nav.move(-1)
    expect(nav.activeKey.value).toBe('c')
    nav.move(1)
    expect(nav.activeKey.value).toBe('a')
    nav.reset()
    nav.move(-1)
    expect(nav.activeKey.value).toBe('c')
  })

  it('keeps the highlight on the same row when rows arrive above it', async () => {
    const options = ref(rows('a', 'b'))
    const nav = useActiveOption(options)
    nav.move(1)
    nav.move(1)
    options.value = rows('x', 'y', 'a', 'b')
    await nextTick()
    expect(nav.active.value?.key).toBe('b')
    expect(nav.activeIndex.value).toBe(3)
  })

  it('drops the highlight when its row disappears, and ignores moves without rows', async () => {
    const options = ref(rows('a'))
    const nav = useActiveOption(options)
    nav.move(1)
    options.value = []
    await nextTick()
    expect(nav.activeKey.value).toBeNull()
    nav.move(1)
    expect(nav.active.value).toBeNull()
  })
})
