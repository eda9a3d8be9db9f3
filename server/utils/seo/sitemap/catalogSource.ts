import type { CategoryDto, CursorPageDto, ProductSummaryDto } from '~/services/dto'
import { allPages } from '~/services/mappers/allPages'
import { cursorFromUrl, pageQueryParams } from '~/services/mappers/cursorPage'
import type { ApiError } from '~/composables/core/api/ApiError'
import { errorFromResponse, parseBody } from '~/composables/core/api/normalizeError'
import { MAX_RETRY_AFTER_S } from '../../backend/retryAfter'

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

/**
 * One GET of a backend path ("/products/?page_size=100") as the process's backend gateway sends it
 * (server/utils/backend/gateway.ts, `read`): anonymous, through the breaker the /api proxy and renders share, with the
 * header policy and the gateway's timeout. Every failure is an answer: the backend's, a 502/504 JSON when it could not
 * answer (in time), 503 `circuit_open` while the breaker is open.
 */
export type BackendRead = (path: string) => Promise<Response>

export interface BackendCatalogOptions {
  read: BackendRead
  /** DRF's maximum; fewer round trips per sitemap. */
  pageSize?: number
  /** Pause before the one retry of a call that failed in a way that may pass (a 5xx but 504, a 429, not JSON). */
  retryDelayMs?: number
}

/** The backend could not give what a sitemap needs; the message names the call, never a shopper. */
export class CatalogUnavailableError extends Error {
  override name = 'CatalogUnavailableError'
  /**
   * @param transient asking once more may help
   * @param sent the backend was asked (false: the breaker answered for it)
   * @param retryAfterS when asking again can help, in seconds, if the answer said so (the breaker's cool-down, a
   *   backend's Retry-After); the crawler is told this instead of the sitemap's default
   */
  constructor(message: string, readonly transient = false, readonly sent = true, readonly retryAfterS?: number) {
    super(message)
  }
}

/** A failed answer's Retry-After as a crawler may get it: whole seconds, at least 1, at most a day; or none. */
function retryAfterOf(error: ApiError): number | undefined {
  const ms = error.retryAfterMs
  if (ms === undefined || !Number.isFinite(ms)) return undefined
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  return seconds <= MAX_RETRY_AFTER_S ? seconds : undefined
}

// The gateway's own codes (and DRF-style ones) are worth a log line; anything else a backend puts there is not.
const LOGGABLE_CODE = /^[a-z][a-z_]{0,39}$/

/**
 * What a failed answer says, read as the api core reads it (normalizeError.ts). The breaker's 503 is not asked again:
 * it answers for a backend it already found down, without a call. Nor is a 504: the call already waited the gateway's
 * whole timeout (a hanging backend), and a second wait would only hold one of the two build slots longer; the
 * crawler is told when to come back.
 */
function failedAnswer(path: string, error: ApiError): CatalogUnavailableError {
  if (error.code === 'circuit_open') return new CatalogUnavailableError(`GET ${path} not sent: the backend's circuit breaker is open`, false, false, retryAfterOf(error))
  const code = error.code !== `http_${error.status}` && LOGGABLE_CODE.test(error.code) ? ` ${error.code}` : ''
  const transient = (error.status >= 500 && error.status !== 504) || error.status === 429
  return new CatalogUnavailableError(`GET ${path} answered ${error.status}${code}`, transient, true, retryAfterOf(error))
}

/**
 * Reads the backend as an anonymous client through the server's backend gateway, so the sitemap shares the breaker,
 * the header policy and the timeout of the /api proxy and the renders. A sitemap file is hundreds of calls in a row,
 * so one passing hiccup (a 502 from a proxy, a dropped connection) is asked again once before the whole file is given
 * up.
 */
export function backendCatalogSource(options: BackendCatalogOptions): CatalogSource {
  const retryDelayMs = options.retryDelayMs ?? 500

  async function attempt<T>(path: string): Promise<T> {
    let response: Response
    let text: string
    try {
      response = await options.read(path)
      text = await response.text()
    }
    catch (error) {
      // The gateway answers every failure it sees; what is left is an answer cut off while its body was read.
      const timedOut = (error as Error).name === 'TimeoutError'
      throw new CatalogUnavailableError(`GET ${path} failed: ${timedOut ? 'the answer did not finish in time' : (error as Error).message}`, !timedOut)
    }
    if (!response.ok) throw failedAnswer(path, errorFromResponse(response.status, text, response.headers, undefined, 'GET'))
    const body = parseBody(text)
    if (body === undefined) throw new CatalogUnavailableError(`GET ${path} answered ${response.status} without readable JSON`, true)
    return body as T
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
        if (!(again instanceof CatalogUnavailableError)) throw again
        throw new CatalogUnavailableError(again.sent ? `${again.message} (asked twice)` : again.message, false, again.sent, again.retryAfterS)
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
