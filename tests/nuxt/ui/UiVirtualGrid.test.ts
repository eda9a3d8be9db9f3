import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref, type PropType } from 'vue'
import { flushPromises } from '@vue/test-utils'
import UiVirtualGrid from '~/components/ui/UiVirtualGrid.vue'
import { mountInNuxt } from '../../support/nuxt'

interface Row { id: number }
const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: i + 1 }))

/** The grid with `items`, each drawn as its id; `grid` is what the grid exposes (as a listing reads it). */
async function mountGrid(items: Row[]) {
  const grid = ref<{ firstVisibleIndex: () => number | null } | null>(null)
  const wrapper = await mountInNuxt(defineComponent({
    props: { items: { type: Array as PropType<Row[]>, required: true } },
    setup: p => () => h(UiVirtualGrid<Row>, { ref: grid, items: p.items, itemKey: (row: Row) => row.id, label: 'Rows' }, {
      item: ({ item }: { item: Row }) => h('span', String(item.id)),
    }),
  }), { props: { items } })
  const list = () => wrapper.get('[role="list"]')
  return { wrapper, list, grid }
}

/** Lets the grid's lazy import of its virtualized mode resolve. */
async function settle(): Promise<void> {
  await vi.dynamicImportSettled()
  await flushPromises()
}

afterEach(() => {
  vi.restoreAllMocks()
  window.scrollTo(0, 0)
})

describe('UiVirtualGrid', () => {
  it('stays a plain grid of every item while nothing scrolls or grows', async () => {
    const { list } = await mountGrid(rows(24))
    await settle()
    expect(list().classes()).toContain('ui-vgrid--plain')
    expect(list().findAll('[role="listitem"]')).toHaveLength(24)
  })

  it('switches to virtualized rows on the first scroll of the page', async () => {
    const { list } = await mountGrid(rows(24))
    window.dispatchEvent(new Event('scroll'))
    await settle()
    expect(list().classes()).toContain('ui-vgrid--virtual')
  })

  it('switches when a page is appended', async () => {
    const { wrapper, list } = await mountGrid(rows(24))
    await wrapper.setProps({ items: rows(48) })
    await settle()
    expect(list().classes()).toContain('ui-vgrid--virtual')
  })

  it('switches at once when it holds more than a first page (a deep link with a large page, a list come back to)', async () => {
    const { list } = await mountGrid(rows(25))
    await settle()
    expect(list().classes()).toContain('ui-vgrid--virtual')
  })

  it('answers which item is at the top of the screen from the plain grid too', async () => {
    const { list, grid } = await mountGrid(rows(6))
    // Two columns of 100 px rows; the page is scrolled so that the first row ends above the screen.
    const items = list().findAll('[role="listitem"]').map(item => item.element)
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const row = Math.floor(items.indexOf(this) / 2)
      return { top: row * 100 - 120, bottom: row * 100 - 20 } as DOMRect
    })
    expect(list().classes()).toContain('ui-vgrid--plain')
    expect(grid.value?.firstVisibleIndex()).toBe(2)
  })
})
