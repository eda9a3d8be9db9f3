import type { ApiErrorData } from '~/composables/core/api/ApiError'

/** A change the backend refused or could not make. The heart is back on what the backend has. */
export class WishlistRefusal extends Error {
  constructor(readonly productId: number, readonly wanted: boolean, readonly error: ApiErrorData) {
    super(error.message)
    this.name = 'WishlistRefusal'
  }
}
