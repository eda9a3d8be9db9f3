import type { Cart } from '~/services/domain/cart'
import type { ProductDetail } from '~/services/domain/product'
import { catalogVerdict } from '~/stores/catalog/productGone'
import { readLocalRecord, writeLocalRecord } from '~/utils/storage/localRecord'

// A product the shop stops selling (deleted; in most shops `on_delete=CASCADE`, as in tests/drf-real) leaves no
// trace in the cart: its line is simply absent from the next answer. So this browser remembers what it last saw in
// the cart - product (and variant) and the name the shopper read - and when a later answer lacks a line, asks the
// catalog whether that product (or variant) is still sold. A line that went for any other reason (removed here, in
// another tab or on another device, ordered, merged at sign-in) is of a product still sold, and nothing is said.
// The memory is in localStorage, shared by the tabs: a line removed in another tab is already gone from it when this
// tab hears of the change, and a product deleted while the shopper was away is noticed on their next visit. It only
// ever holds the current cart's lines and is wiped at sign-out with the cart.

export const SEEN_LINES_KEY = 'sf-cart-seen-lines'

/** A line as the shopper last saw it: what the notice names. */
export interface SeenLine {
  productId: number
  variantId: number | null
  title: string
  /** The variant's options, e.g. { colour: 'Navy', size: 'M' }; empty without variants. */
  options: Record<string, string>
}

/** Product (and variant) -> the line as this browser last saw it. */
export type CartSnapshot = Record<string, SeenLine>

export function seenLineKey(line: Pick<SeenLine, 'productId' | 'variantId'>): string {
  return `${line.productId}:${line.variantId ?? ''}`
}

export function snapshotOf(cart: Cart): CartSnapshot {
  return Object.fromEntries(cart.lines.map(({ productId, variantId, title, options }) => [seenLineKey({ productId, variantId }), { productId, variantId, title, options: { ...options } }]))
}

function isSeenLine(value: unknown): value is SeenLine {
  if (typeof value !== 'object' || value === null) return false
  const { productId, variantId, title, options } = value as Record<string, unknown>
  return Number.isInteger(productId) && (variantId === null || Number.isInteger(variantId)) && typeof title === 'string'
    && typeof options === 'object' && options !== null && Object.values(options).every(v => typeof v === 'string')
}

/** The snapshot the tabs share; null when storage cannot be read (this page then compares with its own last cart). */
export function readSnapshot(): CartSnapshot | null {
  return readLocalRecord(SEEN_LINES_KEY, isSeenLine)
}

export function writeSnapshot(snapshot: CartSnapshot): void {
  writeLocalRecord(SEEN_LINES_KEY, snapshot)
}

/** Lines seen before that the next cart lacks, but for those the shopper removed here (`removedHere`: keys). */
export function vanishedLines(previous: CartSnapshot, next: CartSnapshot, removedHere: ReadonlySet<string>): SeenLine[] {
  return Object.entries(previous).filter(([key]) => !next[key] && !removedHere.has(key)).map(([, line]) => line)
}

/**
 * Those of `lines` the shop no longer sells: the product is 404, or the line's variant is no longer among its
 * variants. Any other answer (a failure, the network) says nothing certain, and nothing is said: the quieter outcome.
 */
export async function noLongerSold(lines: readonly SeenLine[], product: (id: number) => Promise<ProductDetail>): Promise<SeenLine[]> {
  const verdicts = await Promise.all(lines.map(async (line) => {
    const verdict = await catalogVerdict(line.productId, product)
    if (verdict === null) return false
    if (verdict === 'gone') return true
    return line.variantId !== null && !verdict.variants.some(variant => variant.id === line.variantId)
  }))
  return lines.filter((_, index) => verdicts[index])
}
