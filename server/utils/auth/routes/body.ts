import type { H3Event } from 'h3'
import { readBody } from 'h3'
import type { UserDto } from '../../../../services/dto'
import type { SignInCartMerge } from '../../cart/mergeGuestCart'

/** The JSON body as a record of strings we asked for; anything else (no body, bad JSON, non-strings) is left out. */
export async function readStringFields<K extends string>(event: H3Event, fields: readonly K[]): Promise<Partial<Record<K, string>>> {
  const body: unknown = await readBody(event).catch(() => undefined)
  const out: Partial<Record<K, string>> = {}
  if (typeof body !== 'object' || body === null) return out
  for (const field of fields) {
    const value = (body as Record<string, unknown>)[field]
    if (typeof value === 'string') out[field] = value
  }
  return out
}

// Django's own limits on the user fields (EmailField 254, first/last name 150) and a generous one on passwords: a
// longer value can only be refused by the backend, so it is refused here, before it is counted, keyed or sent.
const FIELD_LIMITS: Readonly<Record<string, number>> = { email: 254, password: 1_024, first_name: 150, last_name: 150 }

/** DRF-shaped field errors for values over their limit, or null when every value fits. */
export function overLongFields(input: Readonly<Partial<Record<string, string>>>): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {}
  for (const [field, value] of Object.entries(input)) {
    const limit = FIELD_LIMITS[field] ?? 1_024
    if (value !== undefined && value.length > limit) errors[field] = [`Ensure this field has no more than ${limit} characters.`]
  }
  return Object.keys(errors).length ? errors : null
}

/**
 * The answer to a sign-in: `{access, user}`, plus `cart_merge` when the browser had a guest cart: "merged",
 * "pending" (the backend failed; the guest cart is kept and merged on the next cart call) or "discarded".
 */
export function signedInBody(access: string, user: UserDto, cartMerge: SignInCartMerge): { access: string, user: UserDto, cart_merge?: SignInCartMerge } {
  return cartMerge === 'none' ? { access, user } : { access, user, cart_merge: cartMerge }
}
