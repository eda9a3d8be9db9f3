import type { ApiErrorData } from '~/composables/core/api/ApiError'
import { toCartProblem } from '~/services/mappers/cartProblem'

/**
 * The sentence a shopper reads when adding to the cart or changing a line fails (an ApiError, or its toJSON()
 * kept in state). The classification lives with the cart mappers (toCartProblem); components read it from here.
 */
export function cartErrorMessage(error: ApiErrorData): string {
  return toCartProblem(error).message
}
