import type { Order, OrderRequest, PlaceOrderAnswer } from '~/services/domain/order'
import {
  ATTEMPT_LIMITS, UNCONFIRMED, afterAnswer, afterLookup, beginAttempt, fingerprintFor, markSending, planSubmission, resumeAttempt,
  type AttemptOutcome, type OrderAttempt, type OrderedLine, type RunContext, type Transition,
} from './attemptMachine'

// Performs what the attempt machine asks for, one step at a time, saving the attempt after every change (and
// before every send), so a reload, a crash or a closed tab resumes from what was last known.

export interface AttemptDeps {
  /** POST /orders/ with the attempt's key and body, once (the transport does not retry it). */
  send: (key: string, request: OrderRequest) => Promise<PlaceOrderAnswer>
  /** The shopper's order this attempt made, if any (orderMatch.ts); throws when the orders cannot be read. */
  findOrder: (attempt: OrderAttempt) => Promise<Order | null>
  save: (attempt: OrderAttempt) => void
  wait: (ms: number) => Promise<void>
  now: () => number
  newKey: () => string
  /** Whether a check that keeps looking is still wanted (the page that asked is still open); absent: always. */
  watching?: () => boolean
}

export interface RunResult {
  attempt: OrderAttempt
  outcome: AttemptOutcome
}

export interface Submission {
  request: OrderRequest
  /** The cart's lines as the backend last answered them. */
  lines: readonly OrderedLine[]
  /** The shopper's newest order id before this submission (null: none; 'unknown': could not be read). */
  baseline: number | null | 'unknown'
}

async function lookup(attempt: OrderAttempt, deps: AttemptDeps): Promise<Order | null | 'failed'> {
  try {
    return await deps.findOrder(attempt)
  }
  catch {
    return 'failed'
  }
}

/** Runs an attempt until it stops: placed, refused, or a reason to ask the shopper. */
export async function runAttempt(start: OrderAttempt, deps: AttemptDeps, mode: RunContext['mode']): Promise<RunResult> {
  const run: RunContext = { mode, sends: 0 }
  let { attempt, step }: Transition = resumeAttempt(start, run)
  deps.save(attempt)
  for (;;) {
    if (step.do === 'stop') return { attempt, outcome: step.outcome }
    if (step.do === 'lookup') {
      ({ attempt, step } = afterLookup(attempt, await lookup(attempt, deps), deps.now(), run))
    }
    else if (step.do === 'wait') {
      await deps.wait(step.ms)
      step = run.sends >= ATTEMPT_LIMITS.sendsPerRun
        ? { do: 'stop', outcome: { kind: 'unconfirmed', message: UNCONFIRMED } }
        : { do: 'send' }
      continue
    }
    else {
      const request = attempt.request
      if (!request) throw new Error('an attempt without its body cannot be sent')
      attempt = markSending(attempt, deps.now())
      deps.save(attempt)
      run.sends++
      const answer = await deps.send(attempt.key, request);
      ({ attempt, step } = afterAnswer(attempt, answer, deps.now()))
    }
    deps.save(attempt)
  }
}

/**
 * One press of "Place order": the tab's current attempt (read from storage) and what the shopper submits now.
 * Shows the order an attempt already placed, continues an unfinished attempt with the same key, or begins a new
 * one, after looking for the order of an unfinished attempt that is being replaced.
 */
export async function submitOrder(current: OrderAttempt | null, submission: Submission, deps: AttemptDeps): Promise<RunResult> {
  const fingerprint = fingerprintFor(submission.request, submission.lines)
  let plan = planSubmission(current, fingerprint)
  if (current && plan === 'show-order') return { attempt: current, outcome: { kind: 'placed', orderId: current.orderId as number, order: null } }
  if (current && plan === 'look-then-new') {
    const checked = await runAttempt(current, deps, 'check')
    // Its request may still be running at the backend: a new key now could make a second order. Nobody keeps
    // looking for this click, so the shopper is told to try again (the next press looks first again).
    if (checked.outcome.kind === 'confirming') return { attempt: checked.attempt, outcome: { kind: 'unconfirmed', message: UNCONFIRMED } }
    if (checked.outcome.kind === 'placed' || checked.outcome.kind === 'unconfirmed') return checked
    plan = 'new'
  }
  const attempt = current && plan === 'continue'
    ? current
    : beginAttempt({ key: deps.newKey(), request: submission.request, lines: submission.lines, now: deps.now(), baseline: submission.baseline })
  return runAttempt(attempt, deps, 'submit')
}

/**
 * After a reload: an attempt whose answer was lost looks for its order, and never sends by itself. While the
 * request sent before the reload may still be running at the backend, the first look answers "confirming" at once
 * and, given `later`, the check goes on looking every few seconds (bounded: ATTEMPT_LIMITS.inFlightMs since it was
 * sent) and hands its end (placed, not placed, or the orders could not be read) to `later`.
 */
export async function checkAttempt(current: OrderAttempt, deps: AttemptDeps, later?: (result: RunResult) => void): Promise<RunResult> {
  const first = await runAttempt(current, deps, 'check')
  if (later && first.outcome.kind === 'confirming') {
    void keepLooking(first, deps).then(last => last && later(last))
  }
  return first
}

/** Looks again until the order turns up or its request cannot be running any more; null once nobody is watching. */
async function keepLooking(start: RunResult, deps: AttemptDeps): Promise<RunResult | null> {
  let result = start
  while (result.outcome.kind === 'confirming') {
    await deps.wait(result.outcome.retryInMs)
    if (deps.watching?.() === false) return null
    result = await runAttempt(result.attempt, deps, 'check')
  }
  return result
}
