// The sentences a shopper reads when the transport fails. Kept apart from normalizeError so the part of the core
// that is loaded with the page (see deferredClient.ts) can speak them too.
export const MESSAGES = {
  network: 'Could not reach the shop. Check your connection and try again.',
  timeout: 'The shop took too long to answer. Please try again.',
  aborted: 'The request was cancelled.',
  badResponse: 'The shop sent an answer we could not read. Please try again.',
  fields: 'Please check the highlighted fields.',
  circuitOpen: 'The shop is having trouble right now. Please try again in a few seconds.',
} as const
