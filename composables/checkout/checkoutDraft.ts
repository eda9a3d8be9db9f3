import { EMPTY_ADDRESS, type Address } from '~/services/domain/address'
import { CHECKOUT_STORAGE_PREFIX } from '~/utils/checkout/checkoutStorage'
import type { ConfirmableStep } from './checkoutSteps'

// What the shopper typed and chose, kept in this tab's sessionStorage on every change, so a reload, the back
// button, a session that expired mid-checkout or a declined card never loses it. Payment details are never
// kept: only what the payment provider says may be remembered (the demo's test token id, which is not a secret).

export interface CheckoutDraft {
  version: 1
  address: Address
  /** 'order': filled in from the shopper's last order; 'typed': the shopper's own. */
  addressSource: 'order' | 'typed' | null
  shippingMethodId: number | null
  /** PaymentMethod.remember of the chosen method, or null. */
  payment: string | null
  confirmed: Record<ConfirmableStep, boolean>
}

export const DRAFT_STORAGE_KEY = `${CHECKOUT_STORAGE_PREFIX}draft`

export function emptyDraft(): CheckoutDraft {
  return { version: 1, address: { ...EMPTY_ADDRESS }, addressSource: null, shippingMethodId: null, payment: null, confirmed: { address: false, shipping: false, payment: false } }
}

function isAddress(value: unknown): value is Address {
  if (!value || typeof value !== 'object') return false
  return (Object.keys(EMPTY_ADDRESS) as Array<keyof Address>).every(k => typeof (value as Record<string, unknown>)[k] === 'string')
}

function parse(raw: string | null): CheckoutDraft | null {
  if (!raw) return null
  const value = JSON.parse(raw) as Partial<CheckoutDraft> | null
  if (!value || value.version !== 1 || !isAddress(value.address)) return null
  const confirmed = value.confirmed ?? { address: false, shipping: false, payment: false }
  return {
    version: 1,
    address: { ...EMPTY_ADDRESS, ...value.address },
    addressSource: value.addressSource === 'order' || value.addressSource === 'typed' ? value.addressSource : null,
    shippingMethodId: typeof value.shippingMethodId === 'number' ? value.shippingMethodId : null,
    payment: typeof value.payment === 'string' ? value.payment : null,
    confirmed: { address: confirmed.address === true, shipping: confirmed.shipping === true, payment: confirmed.payment === true },
  }
}

/** The shopper's draft in this tab, or null (none, damaged, storage blocked). */
export function readDraft(storage: Pick<Storage, 'getItem'> | null, owner: number): CheckoutDraft | null {
  try {
    return parse(storage?.getItem(`${DRAFT_STORAGE_KEY}:${owner}`) ?? null)
  }
  catch {
    return null
  }
}

export function writeDraft(storage: Pick<Storage, 'setItem'> | null, owner: number, draft: CheckoutDraft): void {
  try {
    storage?.setItem(`${DRAFT_STORAGE_KEY}:${owner}`, JSON.stringify(draft))
  }
  catch { /* full or blocked: the draft lives in memory for this page */ }
}

export function clearDraft(storage: Pick<Storage, 'removeItem'> | null, owner: number): void {
  try {
    storage?.removeItem(`${DRAFT_STORAGE_KEY}:${owner}`)
  }
  catch { /* nothing kept */ }
}
