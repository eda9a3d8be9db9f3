import type { Order, OrderRequest, PlaceOrderAnswer, StockShortfall } from '~/services/domain/order'
import { fingerprintOf } from './fingerprint'

// One attempt to place one order, as a pure state machine: no timers, no storage, no requests. The runner
// (runAttempt.ts) performs each step it asks for and feeds the result back. docs/checkout.md has the diagram.
//
// The rules, whatever the backend's idempotency flavour:
// - one attempt = one Idempotency-Key and one body, both fixed when the attempt begins and never changed;
// - an answer that never came (timeout, network, 502-504, a reload while sending, a 500) means the order may
//   exist: look for it among the shopper's newest orders before sending again, because a backend that keys its
//   replay cache on the Authorization header (django-idempotency-key) treats a send with a refreshed token as new;
// - a refusal ends the attempt (its key is never sent again); if an answer was lost before it, look first: the
//   lost request may have placed the order and the refusal be the second request's (an emptied cart, sold out).

/** What is ordered, line by line: the cart as the backend held it when the attempt began. */
export interface OrderedLine {
  productId: number
  variantId: number | null
  quantity: number
}

export type AttemptPhase =
  /** Key made, nothing sent yet. */
  | 'ready'
  /** A POST is out. Read back after a reload, it means the answer was lost. */
  | 'sending'
  /** An answer was lost, or a refusal followed a lost answer: look for the order before anything else. */
  | 'uncertain'
  /** Looked, no order: send again, same key and body, after a pause. */
  | 'retrying'
  /** The backend is still working on this key (409 while in flight) or asked us to slow down (429). */
  | 'waiting'
  | 'placed'
  /** Final: the key is retired; the next submission begins a new attempt. */
  | 'refused'

export type Refusal =
  | { reason: 'declined', message: string }
  | { reason: 'out-of-stock', message: string, lines: StockShortfall[] }
  | { reason: 'invalid', message: string, fieldErrors: Record<string, string[]> }
  | { reason: 'rejected', message: string }
  | { reason: 'key-conflict', message: string }
  | { reason: 'server-error', message: string }

/** Plain data, kept in the tab's sessionStorage so a reload picks the attempt up where it was. */
export interface OrderAttempt {
  version: 1
  key: string
  /** fingerprintOf({ lines, body }): a new attempt begins when what is ordered changes. */
  fingerprint: string
  /** The body sent with this key, every time; dropped once the attempt is final. */
  request: OrderRequest | null
  lines: OrderedLine[]
  /** Client clock (ms) when the attempt began. */
  startedAt: number
  /**
   * Client clock (ms) when the last POST went out (null: none yet; missing in attempts saved before it was kept):
   * after a reload, that request may still be running at the backend for a while.
   */
  sentAt: number | null
  /** The shopper's newest order before this attempt: null when they had none, 'unknown' when it could not be read. */
  baseline: number | null | 'unknown'
  phase: AttemptPhase
  /** POSTs sent with this key. */
  sends: number
  /** Answers lost. */
  lost: number
  /** "Still in flight" / "slow down" answers in a row. */
  busy: number
  serverErrors: number
  orderId: number | null
  /** Final (phase refused), or pending (phase uncertain): what the shopper is told if no order turns up. */
  refusal: Refusal | null
  finishedAt: number | null
}

export type AttemptOutcome =
  | { kind: 'placed', orderId: number, order: Order | null }
  | { kind: 'refused', refusal: Refusal }
  /** Could not tell yet whether the order exists (still no answer, or the lookup failed); the key is kept. */
  | { kind: 'unconfirmed', message: string }
  /**
   * A check after a reload found no order yet, but the request sent before it may still be running at the backend:
   * look again after `retryInMs` (the shopper is never told it failed while it may still succeed).
   */
  | { kind: 'confirming', message: string, retryInMs: number }
  /** A check after a reload found no order; the attempt waits for the shopper to place it again. */
  | { kind: 'not-placed', message: string }
  /** The session ended (401 after the refresh); the attempt is kept for after sign-in. */
  | { kind: 'signed-out', message: string }

export type AttemptStep =
  | { do: 'send' }
  | { do: 'lookup' }
  /** Pause, then send. */
  | { do: 'wait', ms: number }
  | { do: 'stop', outcome: AttemptOutcome }

export interface Transition {
  attempt: OrderAttempt
  step: AttemptStep
}

/** What one run (one click, or one check after a reload) may do. */
export interface RunContext {
  /** 'check' looks for the order but never sends. */
  mode: 'submit' | 'check'
  /** POSTs this run already sent. */
  sends: number
}

export const ATTEMPT_LIMITS = Object.freeze({
  /** POSTs per click before telling the shopper we could not confirm yet (they can try again: same key). */
  sendsPerRun: 6,
  /** In-flight/slow-down answers in a row before giving this key up (after looking for its order). */
  busyInARow: 5,
  /** 500s for one key before giving it up: a backend that stores errors (Stripe) would answer it forever. */
  serverErrors: 2,
  /** Pause before sending again after a lost answer: 1 s, 2 s, 4 s, ... at most 8 s. */
  retryBaseMs: 1_000,
  retryMaxMs: 8_000,
  /** Pause while the first request is in flight, when the backend gives no Retry-After. */
  busyBaseMs: 500,
  busyMaxMs: 4_000,
  /**
   * After a reload, how long since it was sent a request may still be running at the backend: the browser's request
   * timeout (nuxt.config.ts, public.api.timeoutMs: 10 s) and a margin for a backend that finishes what it started
   * after the proxy and the tab gave up on it. Until then the order is "being confirmed", never "not placed".
   */
  inFlightMs: 15_000,
  /** How often the page looks for that order meanwhile. */
  recheckMs: 2_000,
})

const HELD_KEY = 'We could not place your order this time, and nothing was ordered. Please review it and place it again.'
export const UNCONFIRMED = 'We could not confirm your order yet. Your details are kept: try again, and you will not be charged twice.'
const CONFIRMING = 'We are still confirming your order. Please wait: it opens here as soon as it is placed.'
const NOT_PLACED = 'Your order was not placed yet. Your details are kept: check them and place your order when ready.'

export function fingerprintFor(request: OrderRequest, lines: readonly OrderedLine[]): string {
  const sorted = [...lines].sort((a, b) => a.productId - b.productId || (a.variantId ?? 0) - (b.variantId ?? 0) || a.quantity - b.quantity)
  return fingerprintOf({ lines: sorted, request })
}

export function beginAttempt(input: { key: string, request: OrderRequest, lines: readonly OrderedLine[], now: number, baseline: number | null | 'unknown' }): OrderAttempt {
  return {
    version: 1,
    key: input.key,
    fingerprint: fingerprintFor(input.request, input.lines),
    request: input.request,
    lines: input.lines.map(l => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity })),
    startedAt: input.now,
    sentAt: null,
    baseline: input.baseline,
    phase: 'ready',
    sends: 0,
    lost: 0,
    busy: 0,
    serverErrors: 0,
    orderId: null,
    refusal: null,
    finishedAt: null,
  }
}

export function isFinal(attempt: OrderAttempt): boolean {
  return attempt.phase === 'placed' || attempt.phase === 'refused'
}

function placed(attempt: OrderAttempt, orderId: number, order: Order | null, now: number): Transition {
  const next: OrderAttempt = { ...attempt, phase: 'placed', orderId, refusal: null, request: null, busy: 0, finishedAt: now }
  return { attempt: next, step: { do: 'stop', outcome: { kind: 'placed', orderId, order } } }
}

function refused(attempt: OrderAttempt, refusal: Refusal, now: number): Transition {
  const next: OrderAttempt = { ...attempt, phase: 'refused', refusal, request: null, busy: 0, finishedAt: now }
  return { attempt: next, step: { do: 'stop', outcome: { kind: 'refused', refusal } } }
}

function lookFirst(attempt: OrderAttempt, changes: Partial<OrderAttempt>): Transition {
  return { attempt: { ...attempt, ...changes, phase: 'uncertain' }, step: { do: 'lookup' } }
}

function backoff(base: number, max: number, n: number): number {
  return Math.min(max, base * 2 ** Math.max(0, n - 1))
}

function refusalOf(answer: PlaceOrderAnswer): Refusal | null {
  switch (answer.kind) {
    case 'declined': return { reason: 'declined', message: answer.message }
    case 'out-of-stock': return { reason: 'out-of-stock', message: answer.message, lines: answer.lines }
    case 'invalid': return { reason: 'invalid', message: answer.message, fieldErrors: answer.fieldErrors }
    case 'rejected': return { reason: 'rejected', message: answer.message }
    case 'key-conflict': return { reason: 'key-conflict', message: answer.message }
    default: return null
  }
}

/** The first step of a run with an attempt read back from storage (or just begun). */
export function resumeAttempt(attempt: OrderAttempt, run: RunContext): Transition {
  switch (attempt.phase) {
    case 'placed': return { attempt, step: { do: 'stop', outcome: { kind: 'placed', orderId: attempt.orderId as number, order: null } } }
    case 'refused': return { attempt, step: { do: 'stop', outcome: { kind: 'refused', refusal: attempt.refusal as Refusal } } }
    // Read back while "sending": the page went away before the answer came.
    case 'sending': return lookFirst(attempt, { lost: attempt.lost + 1 })
    case 'uncertain': return { attempt, step: { do: 'lookup' } }
    default:
      if (run.mode === 'submit') return { attempt, step: { do: 'send' } }
      // A check after a reload: anything sent since the last look may have placed the order meanwhile.
      return attempt.sends > 0
        ? lookFirst(attempt, {})
        : { attempt, step: { do: 'stop', outcome: { kind: 'not-placed', message: NOT_PLACED } } }
  }
}

/** Record that a POST is about to go out, and when (saved before it does, so a reload knows). */
export function markSending(attempt: OrderAttempt, now: number): OrderAttempt {
  return { ...attempt, phase: 'sending', sends: attempt.sends + 1, sentAt: now }
}

/** A check found no order: while the last request may still be running at the backend, it may yet appear. */
function notFoundYet(attempt: OrderAttempt, now: number): AttemptOutcome {
  const left = (attempt.sentAt ?? attempt.startedAt) + ATTEMPT_LIMITS.inFlightMs - now
  return left > 0
    ? { kind: 'confirming', message: CONFIRMING, retryInMs: Math.min(left, ATTEMPT_LIMITS.recheckMs) }
    : { kind: 'not-placed', message: NOT_PLACED }
}

export function afterAnswer(attempt: OrderAttempt, answer: PlaceOrderAnswer, now: number): Transition {
  switch (answer.kind) {
    case 'placed':
      return placed(attempt, answer.order.id, answer.order, now)
    case 'lost':
      return lookFirst(attempt, { lost: attempt.lost + 1, busy: 0 })
    case 'server-error': {
      const serverErrors = attempt.serverErrors + 1
      const giveUp = serverErrors >= ATTEMPT_LIMITS.serverErrors
      return lookFirst(attempt, { lost: attempt.lost + 1, busy: 0, serverErrors, refusal: giveUp ? { reason: 'server-error', message: answer.message } : null })
    }
    case 'busy': {
      const busy = attempt.busy + 1
      if (busy > ATTEMPT_LIMITS.busyInARow) {
        // Still "in flight" after ~12 s, or a backend (the demo) that says 409 for a key used with another body:
        // look for the order; without one, the next submission uses a new key.
        return lookFirst(attempt, { busy, refusal: { reason: 'key-conflict', message: HELD_KEY } })
      }
      const ms = answer.retryAfterMs ?? backoff(ATTEMPT_LIMITS.busyBaseMs, ATTEMPT_LIMITS.busyMaxMs, busy)
      return { attempt: { ...attempt, phase: 'waiting', busy }, step: { do: 'wait', ms } }
    }
    case 'unauthorized':
      return {
        attempt: { ...attempt, phase: attempt.lost > 0 ? 'uncertain' : 'ready', busy: 0 },
        step: { do: 'stop', outcome: { kind: 'signed-out', message: answer.message } },
      }
    default: {
      const refusal = refusalOf(answer) as Refusal
      // After a lost answer the refusal may be the second request's; a key conflict may hide an order made with
      // this key and another body (a duplicated tab). Either way: look before believing it.
      if (attempt.lost > 0 || refusal.reason === 'key-conflict') return lookFirst(attempt, { busy: 0, refusal })
      return refused(attempt, refusal, now)
    }
  }
}

/** `found`: the order's id (and the order), null when none matched, 'failed' when the orders could not be read. */
export function afterLookup(attempt: OrderAttempt, found: Order | null | 'failed', now: number, run: RunContext): Transition {
  if (found === 'failed') return { attempt, step: { do: 'stop', outcome: { kind: 'unconfirmed', message: UNCONFIRMED } } }
  if (found) return placed(attempt, found.id, found, now)
  if (attempt.refusal) return refused(attempt, attempt.refusal, now)
  const next: OrderAttempt = { ...attempt, phase: 'retrying' }
  if (run.mode === 'check') return { attempt: next, step: { do: 'stop', outcome: notFoundYet(attempt, now) } }
  if (run.sends >= ATTEMPT_LIMITS.sendsPerRun) return { attempt: next, step: { do: 'stop', outcome: { kind: 'unconfirmed', message: UNCONFIRMED } } }
  return { attempt: next, step: { do: 'wait', ms: backoff(ATTEMPT_LIMITS.retryBaseMs, ATTEMPT_LIMITS.retryMaxMs, attempt.lost) } }
}

/**
 * What a submission does with the tab's current attempt:
 * - show-order: this attempt already placed the order (back button, a second click, a reload after success);
 * - continue: same submission, attempt not final: same key, same body;
 * - look-then-new: what is ordered changed, but the old attempt sent something: look for its order first;
 * - new: no attempt, a final one, or a changed submission whose attempt never sent anything.
 */
export type SubmissionPlan = 'show-order' | 'continue' | 'look-then-new' | 'new'

export function planSubmission(current: OrderAttempt | null, fingerprint: string): SubmissionPlan {
  if (!current || current.phase === 'refused') return 'new'
  if (current.phase === 'placed') return current.fingerprint === fingerprint ? 'show-order' : 'new'
  if (current.fingerprint === fingerprint) return 'continue'
  return current.sends > 0 ? 'look-then-new' : 'new'
}
