import type { ApiClient } from '~/composables/core/api/types'
import type { CursorPageDto, WishlistCreateDto, WishlistIdsDto, WishlistItemDto } from './dto'
import type { CursorPage } from './domain/pagination'
import type { WishlistEntry, WishlistIds } from './domain/wishlist'
import { isApiError } from '~/composables/core/api/ApiError'
import { mapCursorPage, pageQueryParams } from './mappers/cursorPage'
import { toWishlistEntry, toWishlistIds } from './mappers/wishlist'

export interface WishlistPageRequest {
  cursor?: string | null
  pageSize?: number
  signal?: AbortSignal
}

export interface WishlistRequestOptions {
  signal?: AbortSignal
}

/** The backend's largest page (DRF max_page_size): the fallback reads the ids 100 at a time. */
export const WISHLIST_MAX_PAGE_SIZE = 100

/**
 * One function per wishlist endpoint; stateless. Every endpoint is the signed-in shopper's (401 for a guest).
 * Adding and removing are idempotent at the backend (an existing entry answers 200, a missing one 404), which is
 * what lets the store repeat them safely.
 */
export function wishlistService(api: ApiClient) {
  return {
    /** Newest first. */
    async list(page: WishlistPageRequest = {}): Promise<CursorPage<WishlistEntry>> {
      const params = { ...pageQueryParams(page.cursor), page_size: page.pageSize }
      const dto = await api.get<CursorPageDto<WishlistItemDto>>('/wishlist/', params, { signal: page.signal })
      return mapCursorPage(dto, toWishlistEntry)
    },

    /**
     * Every wishlisted product id in one answer (GET /wishlist/ids/, optional in the contract), or null when this
     * backend does not have the endpoint (404, or 405 from DRF's DELETE-only detail route): read `list` instead.
     */
    async ids(options: WishlistRequestOptions = {}): Promise<WishlistIds | null> {
      try {
        return toWishlistIds(await api.get<WishlistIdsDto>('/wishlist/ids/', undefined, { signal: options.signal }))
      }
      catch (error) {
        if (isApiError(error) && (error.status === 404 || error.status === 405)) return null
        throw error
      }
    },

    /**
     * Adds a product (201), or answers the entry already there (200). Like every POST without an Idempotency-Key
     * (the contract names none here), the core does not retry it: the store settles a failure by asking again.
     */
    async add(productId: number, options: WishlistRequestOptions = {}): Promise<WishlistEntry> {
      const body: WishlistCreateDto = { product_id: productId }
      return toWishlistEntry(await api.post<WishlistItemDto>('/wishlist/', body, { signal: options.signal }))
    },

    /** Removes a product. 404 means it was not there (already removed, or a retried DELETE): removed either way. */
    async remove(productId: number, options: WishlistRequestOptions = {}): Promise<void> {
      try {
        await api.delete<unknown>(`/wishlist/${encodeURIComponent(String(productId))}/`, { signal: options.signal })
      }
      catch (error) {
        if (!(isApiError(error) && error.status === 404)) throw error
      }
    },
  }
}

export type WishlistService = ReturnType<typeof wishlistService>
