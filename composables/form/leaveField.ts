/**
 * A field's blur, told to its form as `leave` (which may show the field's message). A press on the form's own submit
 * button moves the focus off the field, and a message shown then pushed the button down before the press's click was
 * aimed: the click missed it, nothing was sent or checked, a button that looks broken (Baymard). With a mouse the
 * focus moves while the button is held; with a tap only after the finger is up (Chromium: pointerdown, pointerup,
 * then mousedown, the focus change, mouseup and click in one task), and Safari focuses no button and marks none
 * :active for touch. So the field notes, while it has the focus, a press that starts on its form's submit button, and
 * a blur during that press leaves after it: once the pointer is up, a task later (after the click, which, when it
 * lands, submits and checks every field anyway). Per field, no shared state: handlers for its focus and blur.
 */
export function leaveField(leave: () => void): { focus: (event: FocusEvent) => void, blur: () => void } {
  let field: HTMLInputElement | HTMLSelectElement
  // 'down' while a press on the submit button is held, 'up' once it is released (a tap, before its click).
  let press: 'down' | 'up' | '' = ''
  const down = (event: PointerEvent) => {
    const button = (event.target as Element).closest?.('button')
    press = button?.type === 'submit' && !!field.form && button.form === field.form ? 'down' : ''
  }
  const up = () => press && (press = 'up')
  const listen = (on: boolean) => {
    const method = on ? addEventListener : removeEventListener
    method('pointerdown', down as EventListener, true)
    method('pointerup', up, true)
    method('pointercancel', up, true)
  }
  return {
    focus(event) {
      field = event.target as HTMLInputElement
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
