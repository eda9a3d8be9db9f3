import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { computed, defineComponent, h, nextTick, ref, type PropType } from 'vue'
import UiPaginatedList from '~/components/ui/UiPaginatedList.vue'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { ListView } from '~/composables/pagination/useListView'
import type { ListStatus } from '~/stores/resources/cursorList'
import { apiError } from '../../support/fakeApi'
import { mountInNuxt } from '../../support/nuxt'

interface Row { id: number, name: string }

/** A list view whose state the test sets. */
function listView(initial: { items?: Row[], status?: ListStatus, error?: ApiErrorData | null } = {}) {
  const items = ref<Row[]>(initial.items ?? [])
  const status = ref<ListStatus>(initial.status ?? 'idle')
  const error = ref<ApiErrorData | null>(initial.error ?? null)
  const view: ListView<Row> = {
    items: computed(() => items.value),
    status: computed(() => status.value),
    error: computed(() => error.value),
    hasNext: computed(() => status.value !== 'done'),
    loadMore: vi.fn(async () => {
      status.value = 'loading'
    }),
    retry: vi.fn(async () => {}),
  }
  return { view, items, status, error }
}

const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `Row ${i + 1}` }))

/** The list with a plain rendering of its items, as a caller would write it. */
function mountList(view: ListView<Row>, props: Record<string, unknown> = {}, slots: Record<string, () => unknown> = {}) {
  return mountInNuxt(defineComponent({
    props: { view: { type: Object as PropType<ListView<Row>>, required: true } },
    setup: p => () => h(UiPaginatedList<Row>, { list: p.view, label: 'Rows', ...props }, {
      default: ({ items }: { items: readonly Row[] }) => h('ul', { 'aria-label': 'Rows' }, items.map(item => h('li', { key: item.id }, item.name))),
      loading: () => h('p', 'Skeleton'),
      ...slots,
    }),
  }), { props: { view } })
}

// The sentinel's observer: reports "in range" for every element it starts observing, as a tall screen would.
let inRange = false
class FakeIntersectionObserver {
  constructor(private callback: (entries: Array<{ isIntersecting: boolean }>) => void) {}
  observe() {
    queueMicrotask(() => this.callback([{ isIntersecting: inRange }]))
  }

  unobserve() {}
  disconnect() {}
}

beforeEach(() => {
  inRange = false
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('UiPaginatedList', () => {
  it('shows the loading slot as a status while the first page loads, and no footer', async () => {
    const { view } = listView({ status: 'loading' })
    const wrapper = await mountList(view)
    const status = wrapper.get('[role="status"]')
    expect(status.attributes('aria-label')).toBe('Loading rows')
    expect(status.text()).toBe('Skeleton')
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('renders the items, and a "Load more" button that asks for the next page', async () => {
    const { view, status } = listView({ items: rows(3) })
    const wrapper = await mountList(view, { moreText: 'More rows' })
    expect(wrapper.findAll('li').map(li => li.text())).toEqual(['Row 1', 'Row 2', 'Row 3'])
    const button = wrapper.get('button')
    expect(button.text()).toBe('More rows')
    await button.trigger('click')
    expect(view.loadMore).toHaveBeenCalledTimes(1)
    expect(status.value).toBe('loading')
    await nextTick()
    expect(wrapper.get('button').attributes('aria-disabled')).toBe('true')
    expect(wrapper.get('button').text()).toBe('Loading…')
    expect(wrapper.get('[aria-live="polite"]').text()).toBe('Loading more')
  })

  it('says how many more arrived once a page has loaded', async () => {
    const { view, items, status } = listView({ items: rows(3) })
    const wrapper = await mountList(view)
    await wrapper.get('button').trigger('click')
    await nextTick()
    items.value = rows(5)
    status.value = 'idle'
    await vi.waitFor(() => expect(wrapper.get('[aria-live="polite"]').text()).toBe('2 more rows loaded.'))
  })

  it('says one more in the singular', async () => {
    const { view, items, status } = listView({ items: rows(3) })
    const wrapper = await mountList(view, { label: 'Saved products' })
    await wrapper.get('button').trigger('click')
    await nextTick()
    items.value = rows(4)
    status.value = 'idle'
    await vi.waitFor(() => expect(wrapper.get('[aria-live="polite"]').text()).toBe('1 more saved product loaded.'))
    await wrapper.get('button').trigger('click')
    await nextTick()
    items.value = rows(7)
    status.value = 'idle'
    await vi.waitFor(() => expect(wrapper.get('[aria-live="polite"]').text()).toBe('3 more saved products loaded.'))
  })

  it('says what failed and offers to try again, keeping the items it has', async () => {
    const { view } = listView({ items: rows(2), status: 'error', error: apiError(503, 'The shop is busy.').toJSON() })
    const wrapper = await mountList(view)
    expect(wrapper.findAll('li')).toHaveLength(2)
    expect(wrapper.get('[role="alert"]').text()).toBe('The shop is busy.')
    await wrapper.get('button').trigger('click')
    expect(view.retry).toHaveBeenCalledTimes(1)
    expect(view.loadMore).not.toHaveBeenCalled()
  })

  it('offers to try again when the first page failed, with the caller\'s own message if it has one', async () => {
    const { view } = listView({ status: 'error', error: apiError(0, 'offline').toJSON() })
    const wrapper = await mountList(view, {}, { error: () => h('p', { role: 'alert' }, 'Rows are unavailable.') })
    expect(wrapper.find('[role="status"]').exists()).toBe(false)
    expect(wrapper.get('[role="alert"]').text()).toBe('Rows are unavailable.')
    expect(wrapper.get('button').text()).toBe('Try again')
  })

  it('retries a failed first page by itself after mounting, saying so, and never a failed later page', async () => {
    vi.useFakeTimers()
    try {
      const first = listView({ status: 'error', error: apiError(503, 'The shop is busy.').toJSON() })
      const wrapper = await mountList(first.view)
      await vi.waitFor(() => expect(wrapper.get('[role="alert"]').text()).toContain('We could not load rows. The shop is busy.'))
      expect(wrapper.get('[role="alert"]').text()).toMatch(/Trying again in \d s/)
      await vi.advanceTimersByTimeAsync(2_000)
      expect(first.view.retry).toHaveBeenCalledTimes(1)

      const later = listView({ items: rows(2), status: 'error', error: apiError(503).toJSON() })
      await mountList(later.view)
      await vi.advanceTimersByTimeAsync(60_000)
      expect(later.view.retry).not.toHaveBeenCalled()
    }
    finally {
      vi.useRealTimers()
    }
  })

  it('says when everything is loaded, and when there is nothing', async () => {
    const done = await mountList(listView({ items: rows(2), status: 'done' }).view, { doneText: 'That is every row.' })
    expect(done.find('button').exists()).toBe(false)
    expect(done.text()).toContain('That is every row.')

    const empty = await mountList(listView({ status: 'done' }).view, { emptyText: 'No rows yet.' })
    expect(empty.find('ul').exists()).toBe(false)
    expect(empty.text()).toContain('No rows yet.')
  })

  it('shows an excerpt with no footer at all when nothing more loads here', async () => {
    const wrapper = await mountList(listView({ items: rows(2) }).view, { more: 'none' })
    expect(wrapper.findAll('li')).toHaveLength(2)
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('loads the next page by itself once mounted when the end of the list is in reach (scroll mode)', async () => {
    inRange = true
    const { view } = listView({ items: rows(2) })
    await mountList(view)
    await vi.waitFor(() => expect(view.loadMore).toHaveBeenCalledTimes(1))
  })

  it('loads nothing by itself with a button only', async () => {
    inRange = true
    const { view } = listView({ items: rows(2) })
    const wrapper = await mountList(view, { more: 'button' })
    await nextTick()
    // No sentinel, so no observer: only the button loads more.
    expect(wrapper.find('div[aria-hidden="true"]').exists()).toBe(false)
    expect(view.loadMore).not.toHaveBeenCalled()
  })
})
