import { hasCartMarker } from '~/utils/cart/marker'

// A guest's first change makes their cart, and only its answer tells this browser which cart that is (the BFF sets
// the cart's cookie from it). Two such changes on their way at once - from two tabs, or from a page the shopper left
// by a full page load (its change is sent kept alive, cartService.ts) and the next page - make two carts, and the
// cookie of the later answer wins: the items of the other cart are lost to the shopper. So a change that may make
// the cart waits while another page of this browser has one on its way: until the marker cookie says there is a
// cart (that answer landed, with the cart's cookie), that page says it is done, or its answer is overdue. Only
// a timestamp is shared (localStorage), nothing about the shopper.

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

/** Says "a change that may make the cart is on its way" to the other pages; the returned function takes it back. */
export function claimCartCreation(): () => void {
  const at = String(Date.now())
  try {
    storage()?.setItem(STORAGE_KEY, at)
  }
  catch {
    // Full or disabled storage: the change still goes, without the other pages waiting for it.
  }
  return () => {
    try {
      if (storage()?.getItem(STORAGE_KEY) === at) storage()?.removeItem(STORAGE_KEY)
    }
    catch {
      // Nothing to take back.
    }
  }
}

/**
 * The turn of a guest's addition (`guest`: not signed in) that may make the cart: waits while another page makes one,
 * then claims it until `release`. `madeElsewhere`: the other page's cart appeared meanwhile (this one adds to it).
 */
export async function creationTurn(guest: boolean): Promise<{ madeElsewhere: boolean, release: () => void }> {
  if (!guest || hasCartMarker()) return { madeElsewhere: false, release: () => {} }
  await waitForCartCreationElsewhere()
  if (hasCartMarker()) return { madeElsewhere: true, release: () => {} }
  return { madeElsewhere: false, release: claimCartCreation() }
}

/** For a guest without the marker: true when no other page of this browser made a cart by the time it is done. */
export async function noCartAfterOtherPages(): Promise<boolean> {
  await waitForCartCreationElsewhere()
  return !hasCartMarker()
}
