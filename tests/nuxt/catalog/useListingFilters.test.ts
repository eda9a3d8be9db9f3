import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { useRouter } from '#imports'
import { useListingFilters } from '~/composables/catalog/useListingFilters'
import { categoryPath } from '~/utils/routes/paths'
import { mountComposable } from '../../support/nuxt'

const MUGS = categoryPath('mugs')

async function mountFilters(route: string, fixed?: { category: string }) {
  const { result } = await mountComposable(() => useListingFilters({ fixed, throttleMs: 50 }), { route })
  return result
}

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('useListingFilters', () => {
  it('reads filters from the URL and writes changes back as navigations', async () => {
    const router = useRouter()
    const filters = await mountFilters('/products?brand=acme&min_price=10&sort=rating&cursor=abc')
    expect(filters.query.value).toEqual({ brands: ['acme'], minPrice: 1000, sort: 'rating' })
    expect(filters.cursor.value).toBe('abc')

    filters.update({ inStock: true })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/products?brand=acme&min_price=10.00&in_stock=1&sort=rating'))
    // A filter change starts the list from the beginning: the cursor is gone.
    expect(filters.cursor.value).toBeNull()
    expect(filters.query.value.inStock).toBe(true)
  })

  it('coalesces a burst of edits into one history entry, showing them in the draft at once', async () => {
    const router = useRouter()
    const filters = await mountFilters('/products')
    const push = vi.spyOn(router, 'push')

    // The first burst: the throttle's code loads with the first edit, and one write then takes all three.
    filters.update({ brands: ['a'] })
    filters.update({ brands: ['a', 'b'] })
    filters.update({ minRating: 4 })
    expect(filters.draft.value).toEqual({ brands: ['a', 'b'], minRating: 4 })
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ brand: ['a', 'b'], rating: '4' }))
    expect(push).toHaveBeenCalledTimes(1)

    // Later bursts: the first edit goes at once (leading edge), the others together at the end of the window.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.advanceTimersByTime(60)
    filters.update({ brands: ['c'] })
    expect(push).toHaveBeenCalledTimes(2)
    filters.update({ brands: ['c', 'd'] })
    filters.update({ minRating: 3 })
    expect(filters.draft.value).toEqual({ brands: ['c', 'd'], minRating: 3 })
    expect(push).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(60)
    expect(push).toHaveBeenCalledTimes(3)
    vi.useRealTimers()
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ brand: ['c', 'd'], rating: '3' }))
  })

  it('follows back/forward: the draft snaps to what the URL says', async () => {
    const router = useRouter()
    const filters = await mountFilters('/products?brand=a')
    await router.push('/products?brand=b')
    await nextTick()
    expect(filters.draft.value).toEqual({ brands: ['b'] })
    await router.push('/products?brand=a')
    await nextTick()
    expect(filters.draft.value).toEqual({ brands: ['a'] })
  })

  it('keeps a route-fixed category out of the query string but in the filters', async () => {
    const router = useRouter()
    const filters = await mountFilters(MUGS, { category: 'mugs' })
    expect(filters.query.value).toEqual({ category: 'mugs' })
    filters.update({ inStock: true })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`${MUGS}?in_stock=1`))
    filters.clear()
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(MUGS))
    expect(filters.query.value).toEqual({ category: 'mugs' })
  })
})
