// FocusOptions.focusVisible (HTML standard; Chromium, Firefox 104+), which TypeScript's DOM library does not have yet:
// `el.focus({ focusVisible: true })` shows the focus ring even when the last input was a pointer (docs/accessibility.md).
interface FocusOptions {
  focusVisible?: boolean
}
