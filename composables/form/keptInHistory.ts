import { watch, type EffectScope } from 'vue'
import type { UseFormReturn } from './useForm'

/**
 * A field of a form kept in the page's history entry (the email of sign-in and registration): Back or Forward to the
 * page (sign-in -> "Create an account" -> Back) shows what was typed there again, as a browser does for a page it
 * restores itself. Never a password. Written as it is typed, not when the page is left: on Back the browser has made
 * another entry current before the app hears of it. history.state stays in this tab: no cookie, no request, not in
 * the server's payload. Under the page's path, as returnFocus keeps the focus; and emptied while the form is sent:
 * the router's replace after a sign-in carries the entry's state over to the page it goes to, and a signed-out
 * shopper sent back to sign-in from there must not find the last one's email.
 * Loaded once the form is mounted (the form's composable), so `scope` is the form's: the watcher ends with it.
 */
export function keepInHistory<F extends string>(form: Pick<UseFormReturn<F>, 'values' | 'status'>, field: F, scope: EffectScope): void {
  // The shopper went on before this loaded: history.state is another page's now.
  if (!scope.active) return
  const key = `kept-${field}`
  const path = location.pathname
  const values = form.values as Record<F, string>
  const kept = (history.state as Record<string, { path: string, value: string } | undefined> | null)?.[key]
  if (kept?.path === path && !values[field]) values[field] = kept.value
  scope.run(() => watch([() => values[field], form.status], ([value, status]) => {
    // Safari refuses history writes past 100 in 30 s: the entry then keeps what it had.
    try {
      history.replaceState({ ...history.state, [key]: status === 'submitting' || status === 'success' ? undefined : { path, value } }, '')
    }
    catch { /* kept as it was */ }
  }, { immediate: true }))
}
