import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { useRouter } from '#imports'
import { useListingFilters } from '~/composables/catalog/useListingFilters'
import type { ProductQuery } from '~/services/domain/product'
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

    // Later bursts: the first edit goes at once (leading edge), a second after the last write: an entry of its own.
    // Once it has landed, the rest of the burst on the same control takes that entry (a write within a second of the
    // last one, by the same control, replaces it): one history entry per run of changes, such as arrow keys through
    // the rating radios.
    const replace = vi.spyOn(router, 'replace')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 1000)
    filters.update({ minRating: 3 })
    expect(push).toHaveBeenCalledTimes(2)
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ brand: ['a', 'b'], rating: '3' }))
    filters.update({ minRating: 2 })
    filters.update({ minRating: 1 })
    expect(filters.draft.value).toEqual({ brands: ['a', 'b'], minRating: 1 })
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ brand: ['a', 'b'], rating: '1' }))
    vi.useRealTimers()
    expect(push).toHaveBeenCalledTimes(2)
    expect(replace).toHaveBeenCalled()
  })

  it('gives each control its own history entry, however quickly the next follows: two brands, then the stock', async () => {
    const router = useRouter()
    const filters = await mountFilters('/products')
    filters.update({ sort: 'rating' })
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ sort: 'rating' }))
    const push = vi.spyOn(router, 'push')
    const replace = vi.spyOn(router, 'replace')

    // Each 0.7 s after the last landed: within the second that a run of one control would replace.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 1000)
    const steps: Array<[Partial<ProductQuery>, Record<string, string | string[]>]> = [
      [{ brands: ['a'] }, { brand: ['a'], sort: 'rating' }],
      [{ brands: ['a', 'b'] }, { brand: ['a', 'b'], sort: 'rating' }],
      [{ inStock: true }, { brand: ['a', 'b'], in_stock: '1', sort: 'rating' }],
    ]
    for (const [patch, address] of steps) {
      vi.setSystemTime(Date.now() + 700)
      filters.update(patch)
      await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual(address))
    }
    vi.useRealTimers()
    // Three entries, for Back to walk back one at a time (tests/e2e/catalog/filter-history.spec.ts presses it).
    expect(push).toHaveBeenCalledTimes(3)
    expect(replace).not.toHaveBeenCalled()
  })

  it('does not replace the entry of a write still under way: its run would replace the entry before it', async () => {
    const router = useRouter()
    const filters = await mountFilters('/products')
    filters.update({ minRating: 4 })
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ rating: '4' }))

    // A second later, a write that does not land at once (a busy browser), and the end of its burst meanwhile.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.advanceTimersByTime(1000)
    const push = vi.spyOn(router, 'push').mockImplementationOnce(() => new Promise(() => {}))
    const replace = vi.spyOn(router, 'replace')
    filters.update({ minRating: 3 })
    filters.update({ minRating: 2 })
    vi.advanceTimersByTime(60)
    expect(push).toHaveBeenCalledTimes(2)
    expect(replace).not.toHaveBeenCalled()
    vi.useRealTimers()
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ rating: '2' }))
  })

  // Brands ticked and a product opened within the throttle's time: the last brand's write, due after the listing
  // was left, brought the shopper back to it (and a nuxt test's next listing opened on the last one's query).
  it('writes nothing once the listing is left: an edit still due does not bring the shopper back', async () => {
    const router = useRouter()
    const { result: filters, wrapper } = await mountComposable(() => useListingFilters({ throttleMs: 50 }), { route: '/products' })
    filters.update({ brands: ['acme'] })
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ brand: ['acme'] }))

    // A second brand, written at once; a third within the throttle's time, due when it ends.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    filters.update({ brands: ['acme', 'bolt'] })
    filters.update({ brands: ['acme', 'bolt', 'cora'] })
    const push = vi.spyOn(router, 'push')
    const replace = vi.spyOn(router, 'replace')
    wrapper.unmount()
    vi.advanceTimersByTime(1000)
    expect(push).not.toHaveBeenCalled()
    expect(replace).not.toHaveBeenCalled()
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
