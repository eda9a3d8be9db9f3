import type { CategoryDto, CursorPageDto, ProductSummaryDto } from '~/services/dto'
import { allPages } from '~/services/mappers/allPages'
import { cursorFromUrl } from '~/services/mappers/cursorPage'

/** What a sitemap needs to know about a product. */
export interface SitemapProduct {
  id: number
  slug: string
  /** ISO 8601; null when the backend's list endpoint does not send the optional `updated_at`. */
  updatedAt: string | null
}

export interface SitemapProductPage {
  products: SitemapProduct[]
  nextCursor: string | null
}

/** The catalog as the sitemap walks it: every product page by cursor, and every category. */
export interface CatalogSource {
  productPage(cursor: string | null): Promise<SitemapProductPage>
  categorySlugs(): Promise<string[]>
}

export interface BackendCatalogOptions {
  apiBase: string
  /** DRF's maximum; fewer round trips per sitemap. */
  pageSize?: number
  timeoutMs?: number
  fetch?: typeof globalThis.fetch
}

export class CatalogUnavailableError extends Error {
  override name = 'CatalogUnavailableError'
}

/** Reads the backend directly (server to server, no /api hop), as an anonymous client. */
export function backendCatalogSource(options: BackendCatalogOptions): CatalogSource {
  const base = options.apiBase.replace(/\/+$/, '')
  const fetchFn = options.fetch ?? globalThis.fetch
  const timeoutMs = options.timeoutMs ?? 15_000

  async function getJson<T>(path: string): Promise<T> {
    let response: Response
    try {
      response = await fetchFn(`${base}${path}`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) })
    }
    catch (error) {
      throw new CatalogUnavailableError(`GET ${path} failed: ${(error as Error).message}`)
    }
    if (!response.ok) throw new CatalogUnavailableError(`GET ${path} answered ${response.status}`)
    return await response.json() as T
  }

  return {
    async productPage(cursor) {
      const query = new URLSearchParams({ page_size: String(options.pageSize ?? 100) })
      if (cursor) query.set('cursor', cursor)
      const page = await getJson<CursorPageDto<ProductSummaryDto>>(`/products/?${query}`)
      return {
        products: page.results.map(product => ({ id: product.id, slug: product.slug, updatedAt: product.updated_at ?? null })),
        nextCursor: (page.next_cursor ?? cursorFromUrl(page.next)) || null,
      }
    },
    async categorySlugs() {
      // Every page when the backend paginates them (services/mappers/allPages.ts), as the category pages read them.
      const categories = await allPages(async (query) => {
        const path = `/categories/${query ? `?${query}` : ''}`
        const body = await getJson<CategoryDto[] | CursorPageDto<CategoryDto>>(path)
        if (!Array.isArray(body) && !Array.isArray(body?.results)) throw new CatalogUnavailableError(`GET ${path} answered neither a list nor a page`)
        return body
      })
      return categories.map(category => category.slug)
    },
  }
}
