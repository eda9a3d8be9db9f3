import { MAX_LINE_QUANTITY } from '~/services/domain/cartLine'
import type { OrderLine } from '~/services/domain/order'

/**
 * What became of one of the order's lines:
 * - waiting: not sent yet (or to send again: the run stopped before it, or its answer was lost and the cart showed
 *   it did not land);
 * - added: `quantity` of the ordered quantity, fewer when `limit` says why (the stock, or the most a cart line holds);
 * - not-added: the backend refused it for good (gone, sold out) or the cart's line is already full;
 * - unknown: the answer was lost and the cart store could not tell whether it landed (`unconfirmed`): the cart is
 *   read again before anything more is sent, and the line counts as added when its quantity grew by `sent` since
 *   `before`. Told apart from the lines not added yet: it may be in the cart.
 */
export type BuyAgainState =
  | { kind: 'waiting' }
  | { kind: 'added', quantity: number, limit: 'stock' | 'max' | null }
  | { kind: 'not-added', reason: 'gone' | 'option-gone' | 'sold-out' | 'cart-full' | 'refused', inCart: number, message: string }
  | { kind: 'unknown', before: number, sent: number, limit: 'stock' | 'max' | null }

export interface BuyAgainItem {
  line: OrderLine
  state: BuyAgainState
}

/** Why a line was not added, or why fewer were added, in words ('' when it was added in full or not tried). */
export function itemNote({ line, state }: BuyAgainItem): string {
  if (state.kind === 'added') {
    if (state.limit === 'stock') return `added ${state.quantity} of ${line.quantity}: not enough in stock for more`
    if (state.limit === 'max') return `added ${state.quantity} of ${line.quantity}: a cart holds at most ${MAX_LINE_QUANTITY} of one item`
    return ''
  }
  if (state.kind !== 'not-added') return ''
  switch (state.reason) {
    case 'gone': return 'no longer sold'
    case 'option-gone': return 'this option is no longer sold'
    case 'sold-out': return state.inCart ? `no more in stock (your cart already has ${state.inCart})` : 'out of stock'
    case 'cart-full': return `your cart already has ${state.inCart}, the most it can hold of one item`
    default: return state.message
  }
}

const items = (count: number) => `${count} item${count === 1 ? '' : 's'}`
const titles = (lines: readonly BuyAgainItem[]) => lines.map(item => item.line.title).join(', ')

/** The outcome of a run in one message: what was added, what was not and why, and what is left to try. */
export function buyAgainSummary(lines: readonly BuyAgainItem[], stopped: string | null, cartCount: number | null): string {
  const added = lines.filter(item => item.state.kind === 'added')
  const notAdded = lines.filter(item => item.state.kind === 'not-added')
  const limited = added.filter(item => itemNote(item))
  const waiting = lines.filter(item => item.state.kind === 'waiting')
  const unknown = lines.filter(item => item.state.kind === 'unknown')
  const sentences: string[] = []
  if (added.length === lines.length && !limited.length) sentences.push(lines.length === 1 ? 'Added the item of this order to your cart.' : `Added all ${items(lines.length)} of this order to your cart.`)
  else if (added.length) sentences.push(`Added ${added.length} of ${items(lines.length)} to your cart.`)
  // A line not confirmed may be in the cart: "nothing was added" could be false.
  else sentences.push(unknown.length ? 'Nothing is confirmed in your cart yet.' : 'Nothing was added to your cart.')
  for (const item of limited) sentences.push(`${item.line.title}: ${itemNote(item)}.`)
  if (notAdded.length) sentences.push(`Could not add ${notAdded.map(item => `${item.line.title} (${itemNote(item)})`).join(', ')}.`)
  if (stopped !== null && (waiting.length || unknown.length)) {
    sentences.push(stopped)
    // Maybe added: never "not added yet", which would tell the shopper to add it again.
    if (unknown.length) sentences.push(`We could not confirm ${titles(unknown)} ${unknown.length === 1 ? 'was' : 'were'} added: check your cart before adding ${unknown.length === 1 ? 'it' : 'them'} again.`)
    if (waiting.length) sentences.push(`Not added yet: ${titles(waiting)}.`)
    sentences.push('You can try the rest; nothing is added twice.')
  }
  if (added.length && cartCount !== null) sentences.push(`Your cart has ${items(cartCount)}.`)
  return sentences.join(' ')
}
