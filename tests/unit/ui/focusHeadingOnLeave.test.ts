// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref, type VNode } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { useFocusHeadingOnLeave } from '~/composables/ui/useFocusHeadingOnLeave'

// A part of a page that leaves once its work is done (a load failure whose retry worked), with the focus in it.
// A plain Vue mount: the focus rule is the DOM's and the component's, not the Nuxt app's.
const Leaving = defineComponent({
  setup() {
    const root = ref<HTMLElement | null>(null)
    useFocusHeadingOnLeave(root)
    return () => h('div', { ref: root }, [h('button', 'Try again')])
  },
})

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

/** Mounts `draw(done)`, focuses its "Try again", then lets it leave and waits for the render after it. */
async function leaveWithFocus(draw: (done: boolean) => VNode): Promise<void> {
  const done = ref(false)
  wrapper = mount(defineComponent({ setup: () => () => draw(done.value) }), { attachTo: document.body })
  ;(wrapper.get('button').element as HTMLButtonElement).focus()
  done.value = true
  await flushPromises()
  await nextTick()
}

/** The text of the heading that has the focus, or null when the focus is not on a heading. */
function focusedHeading(): string | null {
  const focused = document.activeElement
  return focused?.matches('h1, h2, h3') ? focused.textContent : null
}

describe('useFocusHeadingOnLeave', () => {
  it('puts the focus on the heading above it, over what took its place', async () => {
    await leaveWithFocus(done => h('section', [h('h2', 'Your order'), done ? h('p', 'Order DEMO-1') : h(Leaving)]))
    expect(focusedHeading()).toBe('Your order')
  })

  it('puts it on the page\'s new heading when its own left with it (a failed product page, heading and all)', async () => {
    await leaveWithFocus(done => h('main', done
      ? [h('article', [h('h1', 'Oak desk')])]
      : [h('section', [h('h1', 'Product'), h(Leaving)])]))
    expect(focusedHeading()).toBe('Oak desk')
  })

  it('leaves a focus the shopper has put elsewhere meanwhile where it is', async () => {
    const done = ref(false)
    wrapper = mount(defineComponent({
      setup: () => () => h('main', [h('h1', 'Cart'), h('input', { 'aria-label': 'Coupon' }), done.value ? null : h(Leaving)]),
    }), { attachTo: document.body })
    ;(wrapper.get('button').element as HTMLButtonElement).focus()
    done.value = true
    // Between the render that removed it and the focus rule's turn after that render.
    await nextTick()
    ;(wrapper.get('input').element as HTMLInputElement).focus()
    await flushPromises()
    expect(document.activeElement).toBe(wrapper.get('input').element)
  })
})
