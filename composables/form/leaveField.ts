/**
 * A field's blur, told to its form as `leave` (which may show the field's message). When the focus goes to the
 * field's own submit button under a pressed pointer, the message would push the button down between mousedown and
 * mouseup and the click would miss it: nothing sent, no field checked, a button that looks broken (Baymard). Then
 * the leave waits until the click is over; a click that landed has submitted, which checks every field anyway.
 */
export function leaveField(event: FocusEvent, leave: () => void): void {
  const to = event.relatedTarget
  if (to instanceof HTMLButtonElement && to.type === 'submit' && to.form === (event.target as HTMLInputElement).form && to.matches(':active'))
    // The click follows pointerup in the same task: a timer runs after it.
    addEventListener('pointerup', () => setTimeout(leave), { once: true })
  else leave()
}
