// Whether the backend lacks the optional GET /wishlist/ids/, kept for this browser tab's session: without it every
// full page load would ask again (a 404/405, then the list it falls back to). A fact about the backend, nothing of
// the shopper's, so sessionStorage (this tab, sent nowhere) and no clearing at sign-out.
// Keyed by the API base, so another backend is never taken for this one. Forgotten after a while: a backend that
// gains the endpoint meanwhile is only read the slower way until then (the same ids from the list), never wrongly.

const KEY_PREFIX = 'sf:wishlist:ids-absent:'
/** How long "absent" is believed without asking again. */
export const IDS_ABSENT_MEMORY_MS = 30 * 60_000

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  }
  catch {
    // Storage disabled by the browser: every page load asks once, as without this.
    return null
  }
}

/** True while this tab learnt, less than IDS_ABSENT_MEMORY_MS ago, that the backend at `base` lacks /wishlist/ids/. */
export function idsAbsentRemembered(base: string, now = Date.now()): boolean {
  const store = storage()
  if (!store) return false
  try {
    const learnt = Number(store.getItem(KEY_PREFIX + base))
    if (learnt > 0 && now >= learnt && now - learnt < IDS_ABSENT_MEMORY_MS) return true
    store.removeItem(KEY_PREFIX + base)
  }
  catch {
    // Unreadable: ask.
  }
  return false
}

/** Records what asking /wishlist/ids/ showed: absent from `now`, or present (nothing to remember). */
export function rememberIdsEndpoint(base: string, absent: boolean, now = Date.now()): void {
  const store = storage()
  try {
    if (absent) store?.setItem(KEY_PREFIX + base, String(now))
    else store?.removeItem(KEY_PREFIX + base)
  }
  catch {
    // Full or disabled: the next page load asks again, which is all this saves.
  }
}
