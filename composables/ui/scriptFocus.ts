/**
 * Makes `target` (a heading, a page's <main>) focusable until it loses the focus, and returns it: focus it now.
 * A heading the app moves the focus to shows the focus ring (tailwind.config.ts: `[tabindex="-1"]:focus`); with a
 * tabindex of its own it was also focused, and ringed, by a click of the mouse on its text. Focusable only while a
 * script gives it the focus, a click on it focuses nothing, and it is no stop in the Tab order either way.
 * An element with a tabindex of its own keeps it. A blur of the window (another app, another tab) is not the
 * focus leaving: the heading still has it when the shopper comes back.
 */
export function scriptFocusable<T extends HTMLElement>(target: T | null | undefined): T | null {
  if (!target || target.hasAttribute('tabindex')) return target ?? null
  target.tabIndex = -1
  const left = () => {
    if (document.activeElement === target) return
    target.removeAttribute('tabindex')
    target.removeEventListener('blur', left)
  }
  target.addEventListener('blur', left)
  return target
}
