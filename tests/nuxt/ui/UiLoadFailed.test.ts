import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import UiLoadFailed from '~/components/ui/UiLoadFailed.vue'
import { apiError } from '../../support/fakeApi'
import { mountInNuxt } from '../../support/nuxt'

// A part of a page that could not load, under its heading; "Try again" loads it, and the failure gives way to it.
describe('UiLoadFailed', () => {
  it('leaves the focus on the heading above it once its "Try again" has loaded what failed', async () => {
    const loaded = ref(false)
    const Section = defineComponent({
      setup: () => () => h('section', [
        h('h2', 'Your order'),
        loaded.value
          ? h('p', 'Order DEMO-1')
          : h(UiLoadFailed, { what: 'your order', error: apiError(503, 'Down.').toJSON(), auto: false, retry: async () => { loaded.value = true } }),
      ]),
    })
    const wrapper = await mountInNuxt(Section, { attachTo: document.body })
    const retry = wrapper.get('button').element as HTMLButtonElement
    retry.focus()
    retry.click()
    await vi.waitFor(() => expect(wrapper.text()).toContain('Order DEMO-1'))
    await vi.waitFor(() => expect(document.activeElement).toBe(wrapper.get('h2').element))
  })

  // Chromium reads a role="alert" whole again on every change of its text: a countdown in it was read every second.
  it('says the failure once: the countdown that follows is seen, not read out, and the retry is said when it starts', async () => {
    vi.useFakeTimers()
    try {
      const wrapper = await mountInNuxt(UiLoadFailed, {
        props: { what: 'this product', error: apiError(503, 'Down.').toJSON(), retry: () => new Promise<void>(() => {}) },
        attachTo: document.body,
      })
      const alert = () => wrapper.get('[role="alert"]').element
      await vi.waitFor(() => expect(alert().textContent).toMatch(/Trying again in \d s…/))
      const said = spoken(alert())
      await vi.advanceTimersByTimeAsync(1_000)
      expect(alert().textContent).toMatch(/Trying again in \d s…/)
      expect(spoken(alert())).toBe(said)
      await vi.advanceTimersByTimeAsync(5_000)
      expect(spoken(wrapper.element as HTMLElement)).toContain('Trying again…')
      wrapper.unmount()
    }
    finally {
      vi.useRealTimers()
    }
  })
  // Where the focus goes when the failure's own heading left with it: tests/unit/ui/focusHeadingOnLeave.test.ts.
})

/** The text a screen reader gets from an element: what is not aria-hidden. */
function spoken(element: Element): string {
  const copy = element.cloneNode(true) as Element
  copy.querySelectorAll('[aria-hidden="true"]').forEach(hidden => hidden.remove())
  return copy.textContent?.replace(/\s+/g, ' ').trim() ?? ''
}
