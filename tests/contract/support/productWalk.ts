import { expect } from 'vitest'
import type { CursorPageDto, ProductSummaryDto } from '../../../services/dto'
import type { ApiResponse, ContractClient } from './http'
import { assertSchema } from './schema'

/** Pages a walk may take before it is called a loop (10,000 products at page_size=100 take 100). */
const MAX_PAGES = 1_000

export type ProductWalk = (query: string, onPage?: (index: number) => Promise<void>) => Promise<{ ids: number[], items: ProductSummaryDto[] }>

/** Follows `next` from `/products/?<query>` to the end, whatever the pagination style; `onPage` after each page. */
export function productWalk(client: ContractClient): ProductWalk {
  return async (query, onPage) => {
    const items: ProductSummaryDto[] = []
    const visited = new Set<string>()
    let url: string | null = `/products/?${query}`
    for (let index = 0; url; index++) {
      // DRF clamps the cursor offset at offset_cutoff (1000): past a longer run of equal values, `next` repeats.
      if (visited.has(url) || index >= MAX_PAGES) throw new Error(`${query}: next leads back to a page already walked (${url}); a run of equal sort values longer than offset_cutoff?`)
      visited.add(url)
      const response: ApiResponse<CursorPageDto<ProductSummaryDto>> = await client.call<CursorPageDto<ProductSummaryDto>>(url)
      expect(response.status, url).toBe(200)
      if (index === 0) assertSchema('ProductPage', response.body)
      items.push(...response.body.results)
      url = response.body.next ?? null
      if (url) expect(url, 'next is an absolute URL').toMatch(/^https?:\/\//)
      await onPage?.(index)
    }
    return { ids: items.map(p => p.id), items }
  }
}
