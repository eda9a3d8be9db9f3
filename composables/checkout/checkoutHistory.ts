import type { Router } from 'vue-router'
import { keepNotice, RECOVERED_NOTICE, takeNotice } from './pendingNotice'

/**
 * The checkout's history entries (one per step, ?step=…) and the order that ends them. Each entry remembers, in its
 * own `history.state` under this key, the position of the first entry of its checkout: vue-router keeps an entry's
 * other keys when it writes its own or replaces it (as returnFocus.ts relies on); a pushed step starts without it and
 * is given its checkout's. The placed order then takes the place of that first entry, so behind the confirmation is
 * the page checkout was entered from (the cart, a product page): one Back leaves checkout. The steps' entries are
 * left after it as forward entries, and Forward onto one comes back to the order (leaveCheckoutFor).
 * Kept in the tab's history itself: it survives a reload, nothing is sent anywhere, and it names no one.
 * In the placing chunk (attempt/placing.ts), which the checkout loads as it opens: not in its first view, and
 * importing nothing of the app's, so that chunk still needs no other.
 */
const KEY = 'checkoutEntry'

type EntryState = Record<string, unknown> | null

const position = (state: EntryState): number | null => (typeof state?.position === 'number' ? state.position : null)
const firstOf = (state: EntryState): number | null => (typeof state?.[KEY] === 'number' ? state[KEY] : null)

/**
 * The first entry of the checkout whose entry `seen` is (history.state when the step was shown): its mark, else
 * `first` for a step pushed within a checkout whose first is known (the steps' component keeps it), else `seen`
 * itself starts one. Written into that entry if it is still the one shown (history.replaceState writes only the
 * current entry): should the shopper have gone on meanwhile, it stays unmarked, and the marks after it still know the
 * first. For the steps' chunk.
 */
export function markCheckoutEntry(first: number | null, seen: EntryState = history.state as EntryState): number | null {
  const at = position(seen)
  if (at === null) return first
  const kept = firstOf(seen)
  if (kept !== null) return kept
  const entry = first ?? at
  const shown = history.state as EntryState
  if (position(shown) !== at || shown?.current !== seen?.current || firstOf(shown) !== null) return entry
  // Safari refuses history writes past 100 in 30 s: the entry then stays unmarked, and the order replaces it alone.
  try {
    history.replaceState({ ...shown, [KEY]: entry }, '')
  }
  catch { /* unmarked */ }
  return entry
}

/** Resolves when the router has finished the next navigation (the one a history traversal starts). */
function traverse(router: Router, delta: number): Promise<void> {
  return new Promise((resolve) => {
    const stop = router.afterEach(() => {
      stop()
      resolve()
    })
    router.go(delta)
  })
}

/**
 * To the order placed from this checkout (`order`, its path): back to the checkout's first entry, then that entry
 * replaced with the order, told (`tell`) that it was found although an answer was lost when it was (`recovered`).
 * After placing (from review), and on arrival at a step's entry of a placed order by Forward from the order: its
 * first entry is the order by then, so the traversal ends there and nothing is replaced. An entry without the mark
 * (a typed /checkout URL) is replaced, as before. A new cart checked out from a step's entry left after an order goes
 * back to that order's entry, and replaces it. A first entry whose document is gone (the tab was discarded and
 * restored, or duplicated; a reload keeps one document for all of them) is loaded by the traversal: the checkout
 * there finds the order placed, replaces its entry and says the notice, which waited for it in the tab.
 */
export async function leaveCheckoutFor(router: Router, order: string, tell: (message: string) => void, recovered = false): Promise<void> {
  const state = history.state as EntryState
  const at = position(state)
  const first = firstOf(state)
  if (recovered) keepNotice(order)
  if (at !== null && first !== null && first < at && at - first < history.length) await traverse(router, first - at)
  const owed = takeNotice(order) || recovered
  // Forward onto a step's entry came back to the order its first entry became: nothing more. Anything else is
  // replaced: the checkout's first entry, or an earlier order's (a new cart checked out from a step's entry it left).
  if (router.currentRoute.value.path === order) return
  if (owed) tell(RECOVERED_NOTICE)
  await router.replace(order)
}
