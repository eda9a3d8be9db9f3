import type { ApiErrorData } from '~/composables/core/api/ApiError'
import { outOfStockMessage, toCartProblem } from '~/services/mappers/cartProblem'

/**
 * The sentence a shopper reads when adding to the cart or changing a line fails (an ApiError, or its toJSON()
 * kept in state). The classification lives with the cart mappers (toCartProblem); components read it from here.
 */
export function cartErrorMessage(error: ApiErrorData): string {
  return toCartProblem(error).message
}

/** A refusal for want of stock (`available`: what the cart can hold, when said): asking the same again cannot work. */
export function stockRefusal(error: ApiErrorData): { available: number | null } | null {
  const problem = toCartProblem(error)
  return problem.kind === 'out-of-stock' ? problem : null
}

/** What a cart line can hold when `available` is all there is, in the words of a stock refusal ("Only N left in stock, …"). */
export function stockLimitMessage(available: number): string {
  return outOfStockMessage(available)
}
