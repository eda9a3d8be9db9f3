import type { ReviewDto } from '../dto'
import type { Review } from '../domain/review'
import { withOffset } from './datetime'

export function toReview(dto: ReviewDto): Review {
  return {
    id: dto.id,
    rating: dto.rating,
    title: dto.title,
    body: dto.body,
    authorName: dto.author_name,
    verifiedPurchase: dto.verified_purchase,
    createdAt: withOffset(dto.created_at),
  }
}
