/** A shopper's review of a product. */
export interface Review {
  id: number
  /** 1..5 */
  rating: number
  title: string
  body: string
  authorName: string
  verifiedPurchase: boolean
  /** ISO 8601 */
  createdAt: string
}
