import { afterEach, describe, expect, it, vi } from 'vitest'
import { h, ref } from 'vue'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import UiTextField from '~/components/ui/UiTextField.vue'

// A field's message shown while its form's submit button is being pressed pushed the button down before the press's
// click was aimed, and the click missed it. The events below come in the order Chromium sends them (recorded with
// Playwright); the press decides, not whether the browser happens to mark the button :active or focus it.
async function formWithField() {
  const left = vi.fn()
  const submitted = vi.fn((event: Event) => event.preventDefault())
  const phone = ref('call me')
  const wrapper = await mountSuspended({
    render: () => h('form', { onSubmit: submitted }, [
      h(UiTextField, { 'label': 'Phone', 'autocomplete': 'tel', 'modelValue': phone.value, 'onUpdate:modelValue': (v: string) => (phone.value = v), 'onLeave': left }),
      h('button', { type: 'submit' }, 'Continue'),
    ]),
  }, { attachTo: document.body })
  const input = wrapper.get('input').element as HTMLInputElement
  const submit = wrapper.get('button').element as HTMLButtonElement
  input.focus()
  input.dispatchEvent(new FocusEvent('focus'))
  return { wrapper, input, submit, left, submitted }
}

const pointer = (target: Element, type: string, pointerType: string) =>
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerType }))
const blurTo = (input: HTMLInputElement, to: Element | null) =>
  input.dispatchEvent(new FocusEvent('blur', { relatedTarget: to }))

describe('leaving a field for its form\'s submit button', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.useRealTimers()
    document.body.innerHTML = ''
  })

  it('a tap: the field is left only after the tap\'s click, though pointerup came before the blur', async () => {
    const { wrapper, input, submit, left, submitted } = await formWithField()
    vi.useFakeTimers()
    pointer(submit, 'pointerdown', 'touch')
    pointer(submit, 'pointerup', 'touch')
    // Chromium marks the tapped button :active at the tap's mousedown; Safari neither marks it nor focuses it.
    vi.spyOn(submit, 'matches').mockImplementation(selector => selector === ':active')
    blurTo(input, submit)
    expect(left).not.toHaveBeenCalled()
    submit.click()
    expect(submitted).toHaveBeenCalledOnce()
    vi.runAllTimers()
    // Not at some later pointerup anywhere on the page: the tap's own pointerup has been and gone.
    expect(left).toHaveBeenCalledOnce()
    wrapper.unmount()
  })

  it('a tap in a browser that focuses no button (Safari): the message still waits for the click', async () => {
    const { wrapper, input, submit, left } = await formWithField()
    vi.useFakeTimers()
    pointer(submit, 'pointerdown', 'touch')
    pointer(submit, 'pointerup', 'touch')
    blurTo(input, null)
    expect(left).not.toHaveBeenCalled()
    submit.click()
    vi.runAllTimers()
    expect(left).toHaveBeenCalledOnce()
    wrapper.unmount()
  })

  it('a mouse held on the button: the field is left once it is released', async () => {
    const { wrapper, input, submit, left } = await formWithField()
    vi.useFakeTimers()
    pointer(submit, 'pointerdown', 'mouse')
    blurTo(input, null)
    vi.runAllTimers()
    expect(left).not.toHaveBeenCalled()
    pointer(submit, 'pointerup', 'mouse')
    submit.click()
    vi.runAllTimers()
    expect(left).toHaveBeenCalledOnce()
    wrapper.unmount()
  })

  it('by the keyboard, or a press on nothing to press, the field is left at once', async () => {
    const { wrapper, input, left } = await formWithField()
    blurTo(input, null)
    expect(left).toHaveBeenCalledOnce()
    input.focus()
    input.dispatchEvent(new FocusEvent('focus'))
    pointer(document.body, 'pointerdown', 'mouse')
    blurTo(input, null)
    expect(left).toHaveBeenCalledTimes(2)
    wrapper.unmount()
  })

  // A field taken away while it has the focus (a step of a form replaced, a section closed by a shortcut key) may get
  // no blur: Firefox and Safari send none for a removed element. Its window listeners must go with it all the same.
  it('a field removed while it has the focus leaves no listener on the window', async () => {
    // The window's pointer listeners as they stand: the same listener added twice is one (addEventListener's rule).
    const live = new Map<EventListenerOrEventListenerObject, Set<string>>()
    vi.spyOn(window, 'addEventListener').mockImplementation((type: string, listener) => {
      if (type.startsWith('pointer') && listener) live.set(listener, (live.get(listener) ?? new Set()).add(type))
    })
    vi.spyOn(window, 'removeEventListener').mockImplementation((type: string, listener) => {
      if (listener) live.get(listener)?.delete(type)
    })
    const count = () => [...live.values()].reduce((sum, types) => sum + types.size, 0)
    const { wrapper } = await formWithField()
    expect(count()).toBe(3)
    wrapper.unmount()
    expect(count()).toBe(0)
  })
})
