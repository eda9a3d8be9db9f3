import type { ProductRecord } from './types'

/** The five orderings of issue 3, as DRF's OrderingFilter names them. The first is the default. */
export const PRODUCT_ORDERINGS = ['-created_at', 'price', '-price', '-rating', 'title'] as const
export type ProductOrdering = typeof PRODUCT_ORDERINGS[number]

export type SortKey = number | string

interface OrderingSpec {
  key: (product: ProductRecord) => SortKey
  /** 1 ascending, -1 descending; the id tie-break follows the same direction. */
  direction: 1 | -1
}

export const ORDERING_SPECS: Record<ProductOrdering, OrderingSpec> = {
  '-created_at': { key: p => p.createdAt, direction: -1 },
  'price': { key: p => p.priceCents, direction: 1 },
  '-price': { key: p => p.priceCents, direction: -1 },
  '-rating': { key: p => p.ratingTenths, direction: -1 },
  'title': { key: p => p.title, direction: 1 },
}

export function isProductOrdering(value: string | null): value is ProductOrdering {
  return value !== null && (PRODUCT_ORDERINGS as readonly string[]).includes(value)
}

/** Compares keyset positions (key, id) in the ordering's direction. */
export function comparePosition(direction: 1 | -1, keyA: SortKey, idA: number, keyB: SortKey, idB: number): number {
  if (keyA < keyB) return -direction
  if (keyA > keyB) return direction
  return direction * (idA - idB)
}

/** Index of the first item strictly after (key, id) in a sorted array. */
export function upperBound<T extends { id: number }>(sorted: readonly T[], keyOf: (item: T) => SortKey, direction: 1 | -1, key: SortKey, id: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    const item = sorted[mid] as T
    if (comparePosition(direction, keyOf(item), item.id, key, id) <= 0) low = mid + 1
    else high = mid
  }
  return low
}

/** Index of the first item at or after (key, id). */
export function lowerBound<T extends { id: number }>(sorted: readonly T[], keyOf: (item: T) => SortKey, direction: 1 | -1, key: SortKey, id: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    const item = sorted[mid] as T
    if (comparePosition(direction, keyOf(item), item.id, key, id) < 0) low = mid + 1
    else high = mid
  }
  return low
}

/** Products sorted once per ordering; new products are inserted in place so running walks stay consistent. */
export class OrderingIndex {
  readonly sorted: Record<ProductOrdering, ProductRecord[]>

  constructor(products: readonly ProductRecord[]) {
    this.sorted = {} as Record<ProductOrdering, ProductRecord[]>
    for (const ordering of PRODUCT_ORDERINGS) {
      const { key, direction } = ORDERING_SPECS[ordering]
      const keyed = products.map(p => ({ p, k: key(p) }))
      if (ordering === 'title') {
        // Titles: sort by precomputed collation keys (strings compared by code unit), then id.
        keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.p.id - b.p.id))
      }
      else {
        // Numeric keys: plain subtraction is several times faster than the generic comparator.
        const sign = direction
        keyed.sort((a, b) => sign * (((a.k as number) - (b.k as number)) || (a.p.id - b.p.id)))
      }
      this.sorted[ordering] = keyed.map(entry => entry.p)
    }
  }

  insert(product: ProductRecord): void {
    for (const ordering of PRODUCT_ORDERINGS) {
      const { key, direction } = ORDERING_SPECS[ordering]
      const list = this.sorted[ordering]
      list.splice(lowerBound(list, key, direction, key(product), product.id), 0, product)
    }
  }

  remove(productId: number): void {
    for (const ordering of PRODUCT_ORDERINGS) {
      const list = this.sorted[ordering]
      const at = list.findIndex(p => p.id === productId)
      if (at >= 0) list.splice(at, 1)
    }
  }
}
