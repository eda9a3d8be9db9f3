import type { Order } from '~/services/domain/order'
import type { OrderAttempt, OrderedLine } from './attemptMachine'

// Recognising the order an attempt may have made when its answer was lost. No backend tells which key made an
// order, so it is matched on what the shopper can see: it is newer than the newest order known when the attempt
// began, and it has the same lines, shipping method and address.

/** Client and server clocks may disagree: used only when the newest order before the attempt is unknown. */
export const CLOCK_SKEW_MS = 15 * 60_000

function lineKey(line: OrderedLine): string {
  return `${line.productId}:${line.variantId ?? '-'}:${line.quantity}`
}

function sameLines(a: readonly OrderedLine[], b: readonly OrderedLine[]): boolean {
  if (a.length !== b.length) return false
  const left = a.map(lineKey).sort()
  const right = b.map(lineKey).sort()
  return left.every((key, i) => key === right[i])
}

const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase()

/** Same lines, shipping method and address as the attempt sent. */
export function orderMatchesAttempt(order: Order, attempt: OrderAttempt): boolean {
  const request = attempt.request
  if (!request) return false
  return sameLines(order.lines, attempt.lines)
    && order.shippingMethod.id === request.shippingMethodId
    && norm(order.address.postalCode) === norm(request.address.postalCode)
    && norm(order.address.line1) === norm(request.address.line1)
}

/** Orders that may be the attempt's: those newer than its baseline (or, without one, not older than it by clocks). */
function candidates(newestFirst: readonly Order[], attempt: OrderAttempt): readonly Order[] {
  const byTime = () => newestFirst.filter(o => Date.parse(o.createdAt) >= attempt.startedAt - CLOCK_SKEW_MS)
  if (attempt.baseline === 'unknown') return byTime()
  if (attempt.baseline === null) return newestFirst
  const at = newestFirst.findIndex(o => o.id === attempt.baseline)
  return at >= 0 ? newestFirst.slice(0, at) : byTime()
}

/** The attempt's order among the shopper's newest orders (newest first), or null. */
export function findAttemptOrder(newestFirst: readonly Order[], attempt: OrderAttempt): Order | null {
  return candidates(newestFirst, attempt).find(order => orderMatchesAttempt(order, attempt)) ?? null
}
