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
})
