import { describe, expectTypeOf, it } from 'vitest'
import type { CursorPageDto, OrderDto, ProductListParamsDto, ProductListQueryDto, ProductSummaryDto, ReviewDto, WishlistItemDto } from '../../../services/dto'
import type { components } from '../../../services/dto/openapi'

// Compile-time checks (run by `npm run typecheck`): the hand-written generic page and query types
// agree with the schemas generated from docs/openapi.yaml.
type Schemas = components['schemas']

describe('DTO types generated from docs/openapi.yaml', () => {
  it('generated pages are CursorPageDto of the right item', () => {
    expectTypeOf<Schemas['ProductPage']>().toExtend<CursorPageDto<ProductSummaryDto>>()
    expectTypeOf<Schemas['ReviewPage']>().toExtend<CursorPageDto<ReviewDto>>()
    expectTypeOf<Schemas['WishlistPage']>().toExtend<CursorPageDto<WishlistItemDto>>()
    expectTypeOf<Schemas['OrderPage']>().toExtend<CursorPageDto<OrderDto>>()
  })

  it('the product list params services send are a valid query', () => {
    expectTypeOf<ProductListParamsDto>().toExtend<ProductListQueryDto>()
  })

  it('a DecimalField that is not money (rating) may be a string or a number', () => {
    expectTypeOf<ProductSummaryDto['rating']>().toEqualTypeOf<number | string>()
  })

  it('money is a decimal string, never a number', () => {
    expectTypeOf<ProductSummaryDto['price']>().toEqualTypeOf<string>()
    expectTypeOf<ProductSummaryDto['compare_at_price']>().toEqualTypeOf<string | null>()
  })
})
