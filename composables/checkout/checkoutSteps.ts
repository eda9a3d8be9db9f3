// The checkout's steps, in order; the step is in the URL (?step=shipping), so back and forward move between
// steps and a reload stays on the same one.

export const CHECKOUT_STEPS = ['address', 'shipping', 'payment', 'review'] as const
export type CheckoutStep = typeof CHECKOUT_STEPS[number]
/** Steps the shopper confirms with "Continue"; review is where the order is placed. */
export type ConfirmableStep = Exclude<CheckoutStep, 'review'>

export const STEP_LABELS: Readonly<Record<CheckoutStep, string>> = { address: 'Address', shipping: 'Shipping', payment: 'Payment', review: 'Review' }

export function isCheckoutStep(value: unknown): value is CheckoutStep {
  return typeof value === 'string' && (CHECKOUT_STEPS as readonly string[]).includes(value)
}

/** The first step not confirmed yet (review when all are). */
export function firstOpenStep(confirmed: Readonly<Record<ConfirmableStep, boolean>>): CheckoutStep {
  return CHECKOUT_STEPS.find(step => step !== 'review' && !confirmed[step]) ?? 'review'
}

/** Where a request for `wanted` lands: there if every step before it is confirmed, else the first open step. */
export function reachableStep(wanted: unknown, confirmed: Readonly<Record<ConfirmableStep, boolean>>): CheckoutStep {
  const open = firstOpenStep(confirmed)
  if (!isCheckoutStep(wanted)) return open
  return CHECKOUT_STEPS.indexOf(wanted) <= CHECKOUT_STEPS.indexOf(open) ? wanted : open
}

/** The step after `step`. */
export function nextStep(step: ConfirmableStep): CheckoutStep {
  return CHECKOUT_STEPS[CHECKOUT_STEPS.indexOf(step) + 1] as CheckoutStep
}
