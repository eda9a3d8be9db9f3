import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mountSuspended, registerEndpoint } from '@nuxt/test-utils/runtime'
import { flushPromises } from '@vue/test-utils'
import { setResponseStatus } from 'h3'
import { useRouter } from '#imports'
import SearchDropdown from '~/components/search/SearchDropdown.vue'
import { RECENT_SEARCHES_KEY } from '~/composables/search/useRecentSearches'
import type { ProductSummary } from '~/services/domain/product'
import type { CursorPageDto, ProductSummaryDto, SuggestionDto } from '~/services/dto'
import { useProductStore } from '~/stores/catalog/products'
import { useFacetsStore } from '~/stores/catalog/facets'
import { facetsKey } from '~/services/domain/productQuery'
import { productPath } from '~/utils/routes/paths'

function product(id: number, title: string): ProductSummary {
  return {
    id, slug: `p-${id}`, title, price: { amount: 12900, currency: 'USD' }, compareAtPrice: null,
    image: { url: `/img/${id}.svg`, alt: title, width: 800, height: 800 }, rating: 4.5, reviewsCount: 10, inStock: true,
    brand: { slug: 'nordpeak', name: 'Nordpeak' }, category: { slug: 'headphones', name: 'Headphones' },
  }
}

function productDto(id: number, title: string): ProductSummaryDto {
  return {
    id, slug: `p-${id}`, title, price: '59.00', compare_at_price: null, currency: 'USD',
    image: { url: `/img/${id}.svg`, alt: title, width: 800, height: 800 }, rating: '4.8', reviews_count: 2, in_stock: true,
    brand: { slug: 'nordpeak', name: 'Nordpeak' }, category: { slug: 'headphones', name: 'Headphones' },
  }
}

// The server answers only when a test says so; until then every suggestion on screen is local.
let releaseServer: () => void = () => {}
let serverCalls: string[] = []
let serverAnswer: SuggestionDto[] = []
let serverProducts: ProductSummaryDto[] = []
// Whether the suggest call fails (a 400: not retried) once released.
let serverFails = false

beforeEach(() => {
  serverCalls = []
  serverAnswer = []
  serverProducts = [productDto(77, 'Studio Wireless Headphones')]
  serverFails = false
  let release!: () => void
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  releaseServer = release
  registerEndpoint('/api/products/suggest/', async (event) => {
    serverCalls.push(new URL(event.node.req.url ?? '', 'http://x').searchParams.get('q') ?? '')
    await gate
    if (serverFails) {
      setResponseStatus(event, 400)
      return { detail: 'Unavailable.' }
    }
    return serverAnswer
  })
  registerEndpoint('/api/products/', async () => {
    await gate
    const page: CursorPageDto<ProductSummaryDto> = { next: null, previous: null, results: serverProducts }
    return page
  })
  localStorage.clear()
  // The vocabulary is the unfiltered facets, already loaded (as after any listing page).
  useFacetsStore().entries[facetsKey({})] = {
    data: { categories: [{ slug: 'headphones', name: 'Headphones', count: 250 }, { slug: 'bedding', name: 'Bedding', count: 240 }], brands: [], price: { min: null, max: null }, ratings: [] },
    status: 'success',
    error: null,
    fetchedAt: Date.now(),
  }
  const products = useProductStore()
  products.byId[1] = product(1, 'Urban Wireless Headphones')
  products.byId[2] = product(2, 'Oak Desk Lamp')
})

const mounted: Array<{ unmount: () => void }> = []

afterEach(() => {
  // Unmounting disposes the box's scope, so no debounce from one test fires into the next.
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  releaseServer()
  vi.restoreAllMocks()
})

async function mountBox(route = '/') {
  const wrapper = await mountSuspended(SearchDropdown, { attachTo: document.body, route })
  mounted.push(wrapper)
  const input = wrapper.get('input[role="combobox"]')
  return { wrapper, input }
}

/** Types `text` and waits for the first rows: the fuzzy engine is a dynamic import that starts on focus. */
async function typeUntilRows(wrapper: Awaited<ReturnType<typeof mountBox>>['wrapper'], input: Awaited<ReturnType<typeof mountBox>>['input'], text: string) {
  await input.setValue(text)
  await vi.waitFor(() => expect(wrapper.findAll('[role="option"]').length).toBeGreaterThan(0))
}

// Each option's accessible name: its aria-label (product rows) or its text.
const optionTexts = (wrapper: Awaited<ReturnType<typeof mountBox>>['wrapper']) =>
  wrapper.findAll('[role="option"]').map(o => o.attributes('aria-label') ?? o.text().replace(/\s+/g, ' ').trim())

describe('SearchDropdown', () => {
  it('shows the term of the results page it is on, and follows back and forward to another one, closed', async () => {
    const router = useRouter()
    const { input } = await mountBox('/search?q=boots')
    const value = () => (input.element as HTMLInputElement).value
    expect(value()).toBe('boots')
    await router.push('/search?q=shoes')
    await vi.waitFor(() => expect(value()).toBe('shoes'))
    // As back does: the address changes under the box.
    await router.replace('/search?q=boots')
    await vi.waitFor(() => expect(value()).toBe('boots'))
    expect(input.attributes('aria-expanded')).toBe('false')
    // Elsewhere the box keeps what it had.
    await router.push('/products')
    await flushPromises()
    expect(value()).toBe('boots')
  })

  // The results page's term is in the box from the start: nothing was sent for it, so nothing may say "loading"
  // (it did, for good: the box only asked when its term changed). Focused, the box asks for its rows then.
  it('on a results page, is not busy with its term until focused, and then asks the server for it once', async () => {
    serverAnswer = [{ type: 'query', text: 'lamp shade' }]
    const { wrapper, input } = await mountBox('/search?q=lamp')
    await flushPromises()
    expect(input.attributes('aria-busy')).toBe('false')
    expect(serverCalls).toEqual([])

    await input.trigger('focus')
    await vi.waitFor(() => expect(serverCalls).toEqual(['lamp']))
    releaseServer()
    await vi.waitFor(() => expect(wrapper.find('[role="listbox"]').attributes('data-results-for')).toBe('lamp'))
    expect(input.attributes('aria-busy')).toBe('false')
    expect(serverCalls).toEqual(['lamp'])
  })

  it('never copies a control character from the address into the box or the suggestions\' label', async () => {
    const router = useRouter()
    const { wrapper, input } = await mountBox('/search?q=boo%00ts%07')
    const value = () => (input.element as HTMLInputElement).value
    // As the results are searched for and headed: the control read as a space, the end trimmed.
    expect(value()).toBe('boo ts')
    await input.trigger('focus')
    await vi.waitFor(() => expect(wrapper.find('[role="listbox"]').attributes('aria-label')).toBe('Suggestions for boo ts'))
    // And after client navigation to another such link.
    await router.push('/search?q=%1Blamp%00')
    await vi.waitFor(() => expect(value()).toBe('lamp'))
  })

  it('follows back and forward with the focus still in the box after a search, but not over text being typed', async () => {
    const router = useRouter()
    const { wrapper, input } = await mountBox('/search?q=tee')
    const value = () => (input.element as HTMLInputElement).value
    ;(input.element as HTMLInputElement).focus()
    await input.setValue('lamp')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/search?q=lamp'))
    expect(document.activeElement).toBe(input.element)
    await router.replace('/search?q=tee')
    await vi.waitFor(() => expect(value()).toBe('tee'))

    await input.setValue('te')
    await router.replace('/search?q=lamp')
    await flushPromises()
    expect(value()).toBe('te')
  })

  it('shows what it has as typed at once, and headphone suggestions for "hedphones" once the server has none', async () => {
    serverProducts = []
    const { wrapper, input } = await mountBox()
    await input.trigger('focus')
    // Found as typed: on the keystroke, before any server answer.
    await typeUntilRows(wrapper, input, 'headphones')
    expect(optionTexts(wrapper)).toEqual(['Headphones', 'Urban Wireless Headphones, $129.00'])
    expect(wrapper.get('[role="listbox"]').attributes('data-results-for')).toBe('')
    // A typo: the server's rows may have "hedphones" as typed, so the rescue waits for them.
    await input.setValue('hedphones')
    await vi.waitFor(() => expect(serverCalls).toContain('hedphones'))
    expect(optionTexts(wrapper)).toEqual([])
    releaseServer()
    await vi.waitFor(() => expect(optionTexts(wrapper)).toEqual(['Headphones', 'Urban Wireless Headphones, $129.00']))
    expect(input.attributes('aria-expanded')).toBe('true')
    expect(wrapper.findAll('[role="option"] mark').map(m => m.text())).toEqual(['Headphones', 'Headphones'])
    expect(wrapper.get('[role="listbox"]').attributes('data-results-for')).toBe('hedphones')
  })

  it('lists no category a typo away when a product has the word as typed: "clamp" shows the clamp, not Camping', async () => {
    useFacetsStore().entries[facetsKey({})]!.data!.categories.push({ slug: 'camping', name: 'Camping', count: 90 })
    useProductStore().byId[3] = product(3, 'Steel Bench Clamp')
    serverProducts = []
    const { wrapper, input } = await mountBox()
    await input.trigger('focus')
    await typeUntilRows(wrapper, input, 'clamp')
    expect(optionTexts(wrapper)).toEqual(['Steel Bench Clamp, $129.00'])
    // With nothing found as typed, Camping is a typo away ("camp" and one letter) and shows once the server agrees.
    await input.setValue('camq')
    await vi.waitFor(() => expect(serverCalls).toContain('camq'))
    releaseServer()
    await vi.waitFor(() => expect(optionTexts(wrapper)).toEqual(['Camping']))
  })

  // A cold store: nothing the box holds has "stove", but the server's rows may; Stoneline is a typo away.
  async function typeStoveOnColdStore() {
    useFacetsStore().entries[facetsKey({})]!.data!.brands.push({ slug: 'stoneline', name: 'Stoneline', count: 150 })
    const box = await mountBox()
    await box.input.trigger('focus')
    // "stone" is in the brand's name as typed: listed on the keystroke, before any server answer.
    await typeUntilRows(box.wrapper, box.input, 'stone')
    expect(optionTexts(box.wrapper)).toEqual(['Stoneline'])
    await box.input.setValue('stove')
    await vi.waitFor(() => expect(serverCalls).toContain('stove'))
    expect(optionTexts(box.wrapper)).toEqual([])
    return box
  }

  it('never shows a brand a typo away while the server may still have the word as typed: "stove", then its stoves', async () => {
    serverAnswer = [{ type: 'query', text: 'camp stove' }]
    serverProducts = [productDto(78, 'Alpine Camp Stove')]
    const { wrapper } = await typeStoveOnColdStore()
    releaseServer()
    await vi.waitFor(() => expect(wrapper.get('[role="listbox"]').attributes('data-results-for')).toBe('stove'))
    expect(optionTexts(wrapper)).toEqual(['camp stove', 'Alpine Camp Stove, $59.00'])
  })

  it('shows the brand a typo away once the server has answered without the word: "stove" lists Stoneline', async () => {
    serverProducts = []
    const { wrapper } = await typeStoveOnColdStore()
    releaseServer()
    await vi.waitFor(() => expect(optionTexts(wrapper)).toEqual(['Stoneline']))
    expect(wrapper.get('[role="listbox"]').attributes('data-results-for')).toBe('stove')
  })

  it('shows the brand a typo away once the server round has failed: the best there is', async () => {
    serverFails = true
    const { wrapper } = await typeStoveOnColdStore()
    releaseServer()
    await vi.waitFor(() => expect(optionTexts(wrapper)).toEqual(['Stoneline']))
    expect(wrapper.findAll('button').map(b => b.text())).toContain('Try again')
  })

  it('adds the server rows, with thumbnail and price, once they answer the query on screen', async () => {
    serverAnswer = [{ type: 'query', text: 'wireless headphones' }, { type: 'product', text: 'Studio Wireless Headphones', id: 77, slug: 'p-77' }]
    const { wrapper, input } = await mountBox()
    await input.trigger('focus')
    await input.setValue('wireless')
    await vi.waitFor(() => expect(serverCalls).toEqual(['wireless']))
    releaseServer()
    await vi.waitFor(() => expect(wrapper.get('[role="listbox"]').attributes('data-results-for')).toBe('wireless'))
    expect(optionTexts(wrapper)).toEqual(['wireless headphones', 'Studio Wireless Headphones, $59.00', 'Urban Wireless Headphones, $129.00'])
    expect(wrapper.get('[role="option"] img').attributes('src')).toBe('/img/77.svg')
  })

  it('works with the keyboard: arrows move aria-activedescendant, Escape closes then clears', async () => {
    const { wrapper, input } = await mountBox()
    await input.trigger('focus')
    await typeUntilRows(wrapper, input, 'headphones')
    const options = () => wrapper.findAll('[role="option"]')

    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(input.attributes('aria-activedescendant')).toBe(options()[0]!.attributes('id'))
    expect(options()[0]!.attributes('aria-selected')).toBe('true')
    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(input.attributes('aria-activedescendant')).toBe(options()[1]!.attributes('id'))
    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(input.attributes('aria-activedescendant')).toBe(options()[0]!.attributes('id'))
    await input.trigger('keydown', { key: 'ArrowUp' })
    expect(input.attributes('aria-activedescendant')).toBe(options()[1]!.attributes('id'))

    await input.trigger('keydown', { key: 'Escape' })
    expect(input.attributes('aria-expanded')).toBe('false')
    expect(input.attributes('aria-activedescendant')).toBeUndefined()
    await input.trigger('keydown', { key: 'Escape' })
    expect((input.element as HTMLInputElement).value).toBe('')
  })

  it('Enter on a highlighted product goes to the product; Enter without one searches and remembers the query', async () => {
    const push = vi.spyOn(useRouter(), 'push').mockResolvedValue(undefined)
    const { wrapper, input } = await mountBox()
    await input.trigger('focus')
    await typeUntilRows(wrapper, input, 'headphones')
    await input.trigger('keydown', { key: 'ArrowDown' })
    await input.trigger('keydown', { key: 'ArrowDown' })
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(push).toHaveBeenLastCalledWith(productPath({ id: 1, slug: 'p-1' }))

    await input.setValue('desk lamp')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(push).toHaveBeenLastCalledWith('/search?q=desk%20lamp')
    expect(JSON.parse(localStorage.getItem(RECENT_SEARCHES_KEY) ?? '[]')).toEqual(['desk lamp'])
  })

  it('offers recent searches on focus and clears them', async () => {
    localStorage.setItem(RECENT_SEARCHES_KEY, JSON.stringify(['wireless earbuds', 'oak lamp']))
    const { wrapper, input } = await mountBox()
    await input.trigger('focus')
    expect(wrapper.get('[role="listbox"]').attributes('aria-label')).toBe('Recent searches')
    expect(optionTexts(wrapper)).toEqual(['wireless earbuds', 'oak lamp'])

    await wrapper.get('button').trigger('click')
    expect(optionTexts(wrapper)).toEqual([])
    expect(input.attributes('aria-expanded')).toBe('false')
    expect(JSON.parse(localStorage.getItem(RECENT_SEARCHES_KEY) ?? 'null')).toEqual([])
  })
})
