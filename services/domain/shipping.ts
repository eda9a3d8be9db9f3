import type { Money } from './money'

/** A way to have the order delivered, as the backend offers it. */
export interface ShippingMethod {
  id: number
  name: string
  description: string
  price: Money
  /** Delivery takes from minDays to maxDays business days. */
  minDays: number
  maxDays: number
  /** Collected by the shopper at a store: nothing is delivered to the order's address (services/mappers/order.ts). */
  pickup: boolean
}
