import type { RouteLocationNormalized } from 'vue-router'

/**
 * Back/forward to a page: the focus goes back to the element the shopper had reached when they left it (the card's
 * link they pressed Enter on), so the next Tab goes on from there rather than from the top of a long listing.
 *
 * Remembered per history entry, in that entry's `history.state` under this key: vue-router keeps the entry's other
 * keys when it writes its own (scroll, forward) or replaces the entry (?cursor= on a listing), and a pushed entry
 * starts without it. What is kept finds the element again and says nothing about the shopper: its id, or a link's
 * href, and the path of the page it was on.
 */
const KEY = 'leftFocus'

export interface FocusSpot {
  path: string
  id?: string
  href?: string
}

/** How to find `active` again on the page at `path`, if it is something in <main> that can be found. */
export function describeFocus(active: Element | null, path: string): FocusSpot | null {
  const main = document.querySelector('main')
  if (!active || active === main || !main?.contains(active)) return null
  if (active.id) return { path, id: active.id }
  const href = active.getAttribute('href')
  return href ? { path, href } : null
}

/** The element `spot` names, if `main` has it now. */
export function findSpot(main: HTMLElement, spot: FocusSpot): HTMLElement | null {
  if (spot.id) {
    const found = document.getElementById(spot.id)
    return found && main.contains(found) ? found : null
  }
  for (const link of main.querySelectorAll<HTMLElement>('[href]')) {
    if (link.getAttribute('href') === spot.href) return link
  }
  return null
}

/** What the current history entry remembers of the focus on its page at `path` (none for a newly pushed entry). */
export function spotToReturnTo(path: string): FocusSpot | null {
  const spot = (history.state as Record<string, unknown> | null)?.[KEY] as FocusSpot | null | undefined
  return spot && spot.path === path ? spot : null
}

/** Up to about half a second of frames for the element to be drawn (a virtual grid draws the rows in view). */
const MAX_FRAMES = 30

/**
 * The element `spot` names, from the next frame on (the router has restored the scroll and a virtual grid has drawn
 * the rows there by then), waiting frame by frame while it is not there; null if it does not come (a card out of the
 * drawn range, a list that changed).
 */
export function whenSpotDrawn(main: HTMLElement, spot: FocusSpot): Promise<HTMLElement | null> {
  return new Promise((resolve) => {
    let frames = 0
    const check = () => {
      const found = findSpot(main, spot)
      if (found || ++frames >= MAX_FRAMES || !main.isConnected) resolve(found)
      else requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  })
}

/** The path of the page whose history entry is current, as vue-router wrote it (a listing may add ?cursor= since). */
function entryPath(state: Record<string, unknown> | null): string | null {
  return typeof state?.current === 'string' ? state.current.replace(/[?#].*$/, '') : null
}

/**
 * A navigation to another page is about to leave the current one (a beforeResolve guard, installed by router.options
 * at the first page): its history entry remembers where the focus is. Not on back/forward: the browser has already
 * made another entry current (history.state is no longer this page's), so that page keeps what it remembered when it
 * was last left by a link.
 */
export function rememberFocus(to: RouteLocationNormalized, from: RouteLocationNormalized): void {
  const state = history.state as Record<string, unknown> | null
  if (!state || to.path === from.path || entryPath(state) !== from.path) return
  // Never throws: the guard's failure would cancel the navigation, and this only loses the remembering (Safari
  // refuses history writes past 100 in 30 s).
  try {
    history.replaceState({ ...state, [KEY]: describeFocus(document.activeElement, from.path) }, '')
  }
  catch { /* the entry keeps what it had */ }
}
