import type { ApiClient } from '~/composables/core/api/types'
import { productService } from '~/services/productService'
import { catalogVerdict } from '~/stores/catalog/productGone'
import type { SeenEntry } from './seenEntries'

// Loaded only when a complete read lacks a product this browser showed (./seenEntries.ts), and by the /wishlist
// page's notice when there is something to say: the pages with hearts never carry it.

/** Those of `entries` the shop no longer sells (`GET /products/{id}/` 404); anything short of a 404 says nothing. */
export async function noLongerSold(entries: readonly SeenEntry[], api: ApiClient, signal: AbortSignal): Promise<SeenEntry[]> {
  const products = productService(api)
  const verdicts = await Promise.all(entries.map(entry => catalogVerdict(entry.productId, id => products.get(id, { signal }))))
  return entries.filter((_, index) => verdicts[index] === 'gone')
}
