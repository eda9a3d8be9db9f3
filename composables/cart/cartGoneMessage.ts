import type { SeenLine } from '~/stores/cart/goneLines'
import { noLongerAvailable } from '~/stores/catalog/productGone'
import { lineName } from '~/utils/format/lineName'

/** What the shopper is told about a line that went: "<name> is no longer available and was removed from your cart." */
export function cartGoneMessage(line: SeenLine): string {
  return noLongerAvailable([lineName(line)], 'cart')
}
