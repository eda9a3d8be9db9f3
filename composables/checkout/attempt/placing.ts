// What placing an order needs beyond the checkout's first view, in one chunk (usePlaceOrder imports it on use).
export { findAttemptOrder } from './orderMatch'
export { newIdempotencyKey } from './idempotencyKey'
export { checkAttempt, submitOrder } from './runAttempt'
// Leaving the checkout for the order placed, and the marks on its history entries that it follows.
export { leaveCheckoutFor, markCheckoutEntry } from '../checkoutHistory'
