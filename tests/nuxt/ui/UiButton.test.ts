import { describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import UiButton from '~/components/ui/UiButton.vue'

describe('UiButton', () => {
  it('while busy keeps the focus and ignores presses, then takes them again', async () => {
    const pressed = vi.fn()
    const wrapper = await mountSuspended(UiButton, { props: { busy: true, onClick: pressed }, slots: { default: () => 'Load more' }, attachTo: document.body })
    const button = wrapper.get('button')
    ;(button.element as HTMLButtonElement).focus()
    expect(button.attributes('aria-disabled')).toBe('true')
    // Not disabled: a disabled button would drop the focus to the page.
    expect(button.attributes('disabled')).toBeUndefined()
    expect(document.activeElement).toBe(button.element)
    await button.trigger('click')
    expect(pressed).not.toHaveBeenCalled()

    await wrapper.setProps({ busy: false })
    expect(button.attributes('aria-disabled')).toBeUndefined()
    await button.trigger('click')
    expect(pressed).toHaveBeenCalledOnce()
    wrapper.unmount()
  })

  it('does not submit its form again while busy', async () => {
    const submitted = vi.fn((event: Event) => event.preventDefault())
    const wrapper = await mountSuspended({
      render: () => h('form', { onSubmit: submitted }, [h(UiButton, { type: 'submit', busy: true }, () => 'Place order')]),
    }, { attachTo: document.body })
    ;(wrapper.get('button').element as HTMLButtonElement).click()
    expect(submitted).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
