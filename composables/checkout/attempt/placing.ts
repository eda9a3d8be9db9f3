// What placing an order needs beyond the checkout's first view, in one chunk (usePlaceOrder imports it on use).
export { findAttemptOrder } from './orderMatch'
export { newIdempotencyKey } from './idempotencyKey'
export { checkAttempt, submitOrder } from './runAttempt'
