import { afterEach, describe, expect, it } from 'vitest'
import { scriptFocusable } from '~/composables/ui/scriptFocus'

// A heading the app focuses is focusable only while it has the focus: a mouse click on it later focuses nothing
// (tests/e2e/a11y/heading-focus.spec.ts clicks it in Chromium).

afterEach(() => {
  document.body.innerHTML = ''
})

describe('scriptFocusable', () => {
  it('makes a heading focusable until the focus moves elsewhere, then as it was', () => {
    document.body.innerHTML = '<h2>Your cart</h2><button>Checkout</button>'
    const heading = document.querySelector('h2')!
    scriptFocusable(heading)?.focus()
    expect(document.activeElement).toBe(heading)
    document.querySelector('button')!.focus()
    expect(heading.hasAttribute('tabindex')).toBe(false)
  })

  it('keeps the heading focusable when the window loses the focus (another tab), with the heading still focused', () => {
    document.body.innerHTML = '<h1>Your wishlist</h1><a href="/">Home</a>'
    const heading = document.querySelector('h1')!
    scriptFocusable(heading)?.focus()
    heading.dispatchEvent(new FocusEvent('blur'))
    expect(document.activeElement).toBe(heading)
    expect(heading.getAttribute('tabindex')).toBe('-1')
    document.querySelector('a')!.focus()
    expect(heading.hasAttribute('tabindex')).toBe(false)
  })

  it('leaves an element\'s own tabindex alone', () => {
    document.body.innerHTML = '<div tabindex="-1">Notice</div><button>OK</button>'
    const notice = document.querySelector('div')!
    scriptFocusable(notice)?.focus()
    document.querySelector('button')!.focus()
    expect(notice.getAttribute('tabindex')).toBe('-1')
  })
})
