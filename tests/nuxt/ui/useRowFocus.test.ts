import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, onBeforeUnmount, ref, type PropType } from 'vue'
import { useRowFocus, type UseRowFocusReturn } from '~/composables/ui/useRowFocus'
import { mountInNuxt } from '../../support/nuxt'
import { deferred, settle } from '../../support/promises'

// A list whose rows leave and come back, as /wishlist's do: each row has a link and a "Remove" button.

const Row = defineComponent({
  props: { id: { type: Number, required: true }, focus: { type: Object as PropType<UseRowFocusReturn<number>>, required: true } },
  setup(props) {
    const root = ref<HTMLElement | null>(null)
    onBeforeUnmount(() => props.focus.leaving(props.id, root.value))
    return () => h('li', { 'ref': root, 'data-row': props.id }, [
      h('a', { href: `#${props.id}` }, `Product ${props.id}`),
      h('button', { 'type': 'button', 'data-action': 'remove' }, `Remove ${props.id}`),
    ])
  },
})

async function mountList(initial: number[]) {
  const ids = ref(initial)
  let focus!: UseRowFocusReturn<number>
  const wrapper = await mountInNuxt(defineComponent({
    setup() {
      focus = useRowFocus<number>({
        ids: () => ids.value,
        row: id => document.querySelector(`[data-row="${id}"]`),
        landing: row => row.querySelector('a'),
        control: row => row.querySelector('[data-action="remove"]'),
        fallback: () => document.getElementById('title'),
      })
      return () => h('section', [h('h1', { id: 'title', tabindex: -1 }, 'List'), h('ul', ids.value.map(id => h(Row, { key: id, id, focus })))])
    },
  }), { attachTo: document.body })
  const button = (id: number) => wrapper.get(`[data-row="${id}"] button`).element as HTMLButtonElement
  const link = (id: number) => wrapper.get(`[data-row="${id}"] a`).element
  return { ids, focus: () => focus, button, link }
}

describe('useRowFocus', () => {
  it('moves the focus when the row actually leaves, however long its action takes to start', async () => {
    const list = await mountList([1, 2, 3])
    const change = deferred<boolean>()
    list.button(2).focus()
    const running = list.focus().run(2, () => change.promise)
    await settle()
    // Nothing happened yet (the code that removes it is still loading): the focus stays on the button.
    expect(document.activeElement).toBe(list.button(2))

    list.ids.value = [1, 3]
    await nextTick()
    await nextTick()
    expect(document.activeElement).toBe(list.link(3))
    change.resolve(true)
    await expect(running).resolves.toBe(true)
    expect(document.activeElement).toBe(list.link(3))
  })

  it('hands the focus to the previous row after the last one, and to the heading when none is left', async () => {
    const list = await mountList([1, 2])
    list.button(2).focus()
    list.ids.value = [1]
    await nextTick()
    await nextTick()
    expect(document.activeElement).toBe(list.link(1))
    list.button(1).focus()
    list.ids.value = []
    await nextTick()
    await nextTick()
    expect(document.activeElement).toBe(document.getElementById('title'))
  })

  it('a refused change brings the row back, and the focus back to its button', async () => {
    const list = await mountList([1, 2, 3])
    const change = deferred<boolean>()
    list.button(2).focus()
    const running = list.focus().run(2, () => change.promise)
    list.ids.value = [1, 3]
    await nextTick()
    await nextTick()
    expect(document.activeElement).toBe(list.link(3))
    list.ids.value = [1, 2, 3]
    change.resolve(false)
    await expect(running).resolves.toBe(false)
    expect(document.activeElement).toBe(list.button(2))
  })

  it('leaves the focus where the shopper took it meanwhile, and alone when the row held none', async () => {
    const list = await mountList([1, 2, 3])
    const change = deferred<boolean>()
    list.button(2).focus()
    const running = list.focus().run(2, () => change.promise)
    list.ids.value = [1, 3]
    await nextTick()
    await nextTick()
    list.button(1).focus()
    list.ids.value = [1, 2, 3]
    change.resolve(false)
    await running
    expect(document.activeElement).toBe(list.button(1))

    // A row leaving without the focus in it takes nothing along.
    list.ids.value = [1, 3]
    await nextTick()
    await nextTick()
    expect(document.activeElement).toBe(list.button(1))
  })
})
