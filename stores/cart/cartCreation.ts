import { hasCartMarker } from '~/utils/cart/marker'

// A guest's first change makes their cart, and only its answer tells this browser which cart that is (the BFF sets
// the cart's cookie from it). Two such changes on their way at once - from two tabs, or from a page the shopper left
// by a full page load (its change is sent kept alive, cartService.ts) and the next page - make two carts, and the
// cookie of the later answer wins: the items of the other cart are lost to the shopper. So a change that may make
// the cart waits while another page of this browser has one on its way: until the marker cookie says there is a
// cart (that answer landed, with the cart's cookie), that page says it is done (also by leaving before its request
// was sent: claimCartCreation), or its answer is overdue. Only a timestamp is shared (localStorage), nothing about
// the shopper.

const STORAGE_KEY = 'sf-cart-creating'

/**
 * Longer than any answer takes (the BFF gives up on the backend after 8 s, the api core after 10 s): a page that
 * left made its change, or failed, by then. A failed one leaves no marker, so this is also the longest wait.
 */
export const CART_CREATION_WAIT_MS = 12_000
const CHECK_EVERY_MS = 100

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  }
  catch {
    // Storage can be disabled (privacy settings): pages of this browser then cannot wait for each other.
    return null
  }
}

/** When another page of this browser sent a change that may make the cart, if it is still on its way. */
function creationStartedAt(): number | null {
  try {
    const at = Number(storage()?.getItem(STORAGE_KEY) ?? Number.NaN)
    return Number.isFinite(at) && Math.abs(Date.now() - at) < CART_CREATION_WAIT_MS ? at : null
  }
  catch {
    return null
  }
}

/**
 * Before a guest's change that may make the cart (no marker): resolves once no other page of this browser is
 * making one. Its answer is the one to build on: with the marker, this change goes to the cart it made.
 */
export async function waitForCartCreationElsewhere(): Promise<void> {
  // Cookies and storage are shared by the pages but send no event this page can wait for here: look again shortly.
  while (!hasCartMarker() && creationStartedAt() !== null) await new Promise(resolve => setTimeout(resolve, CHECK_EVERY_MS))
}

/**
 * Whether another page of this browser made the cart (the marker) or is making it. Asked by a page that found none
 * earlier: then it has one, whose contents it does not know. (This page's own claims are released by then: its
 * changes go one at a time.)
 */
export function cartMadeElsewhere(): boolean {
  return hasCartMarker() || creationStartedAt() !== null
}

/** This page's claim: `sent` when its request has left the page, `release` once it is answered (or failed). */
export interface CreationClaim {
  sent: () => void
  release: () => void
}

function writeClaim(): string {
  const at = String(Date.now())
  try {
    storage()?.setItem(STORAGE_KEY, at)
  }
  catch {
    // Full or disabled storage: the change still goes, without the other pages waiting for it.
  }
  return at
}

function takeBack(at: string): void {
  try {
    if (storage()?.getItem(STORAGE_KEY) === at) storage()?.removeItem(STORAGE_KEY)
  }
  catch {
    // Nothing to take back.
  }
}

/**
 * Says "a change that may make the cart is on its way" to the other pages, until `release`. A page left before its
 * request was sent (waiting for a token, the api core's breaker, the transport's code) never sends it, so leaving
 * (`pagehide`) takes the claim back then: the next page would otherwise wait CART_CREATION_WAIT_MS for an answer
 * that cannot come. Once sent (`sent`), it is kept alive (cartService.ts): it lands and its answer sets the marker,
 * so the claim stays for the next page to wait on.
 *
 * Also when the page goes into the back/forward cache (`persisted`): frozen, it sends nothing either, and it may never
 * come back (the browser drops cached pages without telling them), so the other pages must not wait for it. If it
 * does come back (`pageshow`, `persisted`) with the request still unsent, the request goes on from where it stood:
 * the claim is made again, so pages from then on wait for it. (A cart another page started making while this one
 * was frozen, still unanswered when it comes back, is not waited for: the request is already past its turn.)
 */
export function claimCartCreation(): CreationClaim {
  let at: string | null = writeClaim()
  let sent = false
  const win = typeof window === 'undefined' ? null : window
  const onHide = () => {
    if (sent || at === null) return
    takeBack(at)
    at = null
  }
  const onShow = (event: PageTransitionEvent) => {
    if (!sent && at === null && event.persisted) at = writeClaim()
  }
  win?.addEventListener('pagehide', onHide)
  win?.addEventListener('pageshow', onShow)
  return {
    sent: () => {
      sent = true
    },
    release: () => {
      win?.removeEventListener('pagehide', onHide)
      win?.removeEventListener('pageshow', onShow)
      if (at !== null) takeBack(at)
      at = null
    },
  }
}

const NO_CLAIM: CreationClaim = { sent: () => {}, release: () => {} }

/**
 * The turn of a guest's addition (`guest`: not signed in) that may make the cart: waits while another page makes one,
 * then claims it until `release` (`sent`: its request has left the page). `madeElsewhere`: the other page's cart
 * appeared meanwhile (this one adds to it).
 */
export async function creationTurn(guest: boolean): Promise<CreationClaim & { madeElsewhere: boolean }> {
  if (!guest || hasCartMarker()) return { madeElsewhere: false, ...NO_CLAIM }
  await waitForCartCreationElsewhere()
  if (hasCartMarker()) return { madeElsewhere: true, ...NO_CLAIM }
  return { madeElsewhere: false, ...claimCartCreation() }
}

/** For a guest without the marker: true when no other page of this browser made a cart by the time it is done. */
export async function noCartAfterOtherPages(): Promise<boolean> {
  await waitForCartCreationElsewhere()
  return !hasCartMarker()
}
