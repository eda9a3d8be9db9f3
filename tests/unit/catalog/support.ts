import type { ApiClient } from '~/composables/core/api/types'
import type { CursorPageDto, ProductSummaryDto } from '~/services/dto'

/** A product as the backend sends it; `id` decides everything else. */
export function productDto(id: number): ProductSummaryDto {
  return {
    id,
    slug: `product-${id}`,
    title: `Product ${id}`,
    price: '10.00',
    compare_at_price: null,
    currency: 'USD',
    image: { url: `/media/${id}.svg`, alt: `Product ${id}`, width: 600, height: 600 },
    rating: 4.5,
    reviews_count: 3,
    in_stock: true,
    brand: { slug: 'acme', name: 'Acme' },
    category: { slug: 'mugs', name: 'Mugs' },
  }
}

export function page(ids: number[], next: string | null): CursorPageDto<ProductSummaryDto> {
  return { next: next ? `http://api.test/api/products/?cursor=${next}` : null, previous: null, results: ids.map(productDto) }
}

interface Call {
  path: string
  query: Record<string, unknown>
  signal: AbortSignal | undefined
  resolve: (body: unknown) => void
  reject: (error: unknown) => void
}

/** An ApiClient whose GETs wait until the test answers them, so ordering and overlap are under test control. */
export function createScriptedApi(): { api: ApiClient, calls: Call[] } {
  const calls: Call[] = []
  const get = <T>(path: string, query?: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      calls.push({ path, query: query ?? {}, signal: options?.signal, resolve: body => resolve(body as T), reject })
      options?.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })))
    })
  const unsupported = () => Promise.reject(new Error('not scripted'))
  const api = { get, request: unsupported, post: unsupported, patch: unsupported, delete: unsupported } as unknown as ApiClient
  return { api, calls }
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}
