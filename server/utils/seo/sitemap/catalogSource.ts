import type { CategoryDto, CursorPageDto, ProductSummaryDto } from '~/services/dto'
import { allPages } from '~/services/mappers/allPages'
import { cursorFromUrl, pageQueryParams } from '~/services/mappers/cursorPage'

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
  /** Pause before the one retry of a call that failed in a way that may pass (5xx, 429, no answer, not JSON). */
  retryDelayMs?: number
  fetch?: typeof globalThis.fetch
}

/** The backend could not give what a sitemap needs; the message names the call, never a shopper. */
export class CatalogUnavailableError extends Error {
  override name = 'CatalogUnavailableError'
  constructor(message: string, readonly transient = false) {
    super(message)
  }
}

/**
 * Reads the backend directly (server to server, no /api hop), as an anonymous client. A sitemap file is hundreds of
 * calls in a row, so one passing hiccup (a 502 from a proxy, a dropped connection) is asked again once before the
 * whole file is given up.
 */
export function backendCatalogSource(options: BackendCatalogOptions): CatalogSource {
  const base = options.apiBase.replace(/\/+$/, '')
  const fetchFn = options.fetch ?? globalThis.fetch
  const timeoutMs = options.timeoutMs ?? 15_000
  const retryDelayMs = options.retryDelayMs ?? 500

  async function attempt<T>(path: string): Promise<T> {
    let response: Response
    try {
      response = await fetchFn(`${base}${path}`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) })
    }
    catch (error) {
      throw new CatalogUnavailableError(`GET ${path} failed: ${(error as Error).message}`, true)
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {})
      throw new CatalogUnavailableError(`GET ${path} answered ${response.status}`, response.status >= 500 || response.status === 429)
    }
    try {
      return await response.json() as T
    }
    catch {
      throw new CatalogUnavailableError(`GET ${path} answered ${response.status} without readable JSON`, true)
    }
  }

  async function getJson<T>(path: string): Promise<T> {
    try {
      return await attempt<T>(path)
    }
    catch (error) {
      if (!(error instanceof CatalogUnavailableError) || !error.transient) throw error
      await new Promise(resolve => setTimeout(resolve, retryDelayMs))
      try {
        return await attempt<T>(path)
      }
      catch (again) {
        throw again instanceof CatalogUnavailableError ? new CatalogUnavailableError(`${again.message} (asked twice)`) : again
      }
    }
  }

  return {
    async productPage(cursor) {
      const query = new URLSearchParams({ page_size: String(options.pageSize ?? 100) })
      for (const [name, value] of Object.entries(pageQueryParams(cursor))) query.set(name, value)
      const page = await getJson<CursorPageDto<ProductSummaryDto>>(`/products/?${query}`)
      if (!Array.isArray(page?.results)) throw new CatalogUnavailableError(`GET /products/?${query} answered without results`)
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
