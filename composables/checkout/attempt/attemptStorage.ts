import { CHECKOUT_STORAGE_PREFIX } from '~/utils/checkout/checkoutStorage'
import type { OrderAttempt } from './attemptMachine'

// The tab's attempt lives in sessionStorage: it survives a reload and the back button, is never shared with
// another tab (each tab's checkout is its own), and is gone when the tab closes. It holds the key, the
// fingerprint, the lines, and while unfinished the body (the address and the payment provider's token, never
// card data); a finished attempt keeps neither.

export const ATTEMPT_STORAGE_KEY = `${CHECKOUT_STORAGE_PREFIX}attempt`

/** One slot per shopper: someone else signing in on this tab never sees (or continues) another's attempt. */
function slot(owner: number | string): string {
  return `${ATTEMPT_STORAGE_KEY}:${owner}`
}

/** A finished attempt still sends /checkout to its order for this long (back button, a second tab of history). */
export const PLACED_REDIRECT_MS = 30 * 60_000

export type AttemptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

const PHASES = new Set(['ready', 'sending', 'uncertain', 'retrying', 'waiting', 'placed', 'refused'])

function isAttempt(value: unknown): value is OrderAttempt {
  if (!value || typeof value !== 'object') return false
  const a = value as Record<string, unknown>
  return a.version === 1 && typeof a.key === 'string' && a.key.length > 0 && typeof a.fingerprint === 'string'
    && PHASES.has(a.phase as string) && Array.isArray(a.lines) && typeof a.startedAt === 'number' && typeof a.sends === 'number'
    && (a.phase === 'placed' ? typeof a.orderId === 'number' : true)
    && (a.phase === 'placed' || a.phase === 'refused' || (typeof a.request === 'object' && a.request !== null))
}

export function readAttempt(storage: AttemptStorage | null, owner: number | string): OrderAttempt | null {
  try {
    const raw = storage?.getItem(slot(owner))
    const parsed: unknown = raw ? JSON.parse(raw) : null
    return isAttempt(parsed) ? parsed : null
  }
  catch {
    return null
  }
}

/** Storage full or blocked (private mode): the attempt still runs, it just will not survive a reload. */
export function writeAttempt(storage: AttemptStorage | null, owner: number | string, attempt: OrderAttempt): void {
  try {
    storage?.setItem(slot(owner), JSON.stringify(attempt))
  }
  catch { /* see above */ }
}

/** The tab's attempt is over: a placed one whose order the shopper has moved on from. */
export function removeAttempt(storage: AttemptStorage | null, owner: number | string): void {
  try {
    storage?.removeItem(slot(owner))
  }
  catch { /* blocked storage holds nothing to remove */ }
}

/** The order a recently finished attempt placed: where /checkout sends the back button. */
export function recentlyPlacedOrder(attempt: OrderAttempt | null, now: number): number | null {
  if (attempt?.phase !== 'placed' || attempt.orderId === null) return null
  return now - (attempt.finishedAt ?? 0) < PLACED_REDIRECT_MS ? attempt.orderId : null
}
