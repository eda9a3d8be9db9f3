import { onScopeDispose } from 'vue'

/**
 * A field's blur, told to its owner as `leave` (which may show a message about it). A press on a button or link moves
 * the focus off the field, and a message shown then moved the pressed control before the press's click was aimed:
 * the click missed it, nothing happened, a control that looks broken (Baymard): a form's submit button pushed down
 * by its field's error. Any button or link, not only the submit button: the check is simpler and no press is lost.
 * With a mouse the focus moves while the button is held; with a tap only after the finger is up (Chromium:
 * pointerdown, pointerup, then mousedown, the focus change, mouseup and click in one task), and Safari focuses no
 * button and marks none :active for touch. So the field notes, while it has the focus, a press that starts on a
 * button or link, and a blur during that press leaves after it: once the pointer is up, a task later (after the
 * click; a submit that lands checks every field anyway). Per field, no shared state: handlers for focus and blur.
 * Called in a component's setup: a field removed while it has the focus gets no blur in Firefox or Safari, so its
 * listeners go when the component does.
 */
export function leaveField(leave: () => void): { focus: () => void, blur: () => void } {
  // 'down' while a press on a button or link is held, 'up' once it is released (a tap, before its click).
  let press: 'down' | 'up' | '' = ''
  const down = (event: Event) => {
    press = (event.target as Element).closest?.('button, a[href]') ? 'down' : ''
  }
  const up = () => press && (press = 'up')
  const listen = (on: boolean) => {
    const method = on ? addEventListener : removeEventListener
    method('pointerdown', down, true)
    method('pointerup', up, true)
    method('pointercancel', up, true)
  }
  onScopeDispose(() => listen(false))
  return {
    focus() {
      press = ''
      listen(true)
    },
    blur() {
      listen(false)
      const pressed = press
      press = ''
      if (pressed === 'up') setTimeout(leave)
      // The click follows pointerup in the same task: a timer runs after it.
      else if (pressed) addEventListener('pointerup', () => setTimeout(leave), { once: true })
      else leave()
    },
  }
}
