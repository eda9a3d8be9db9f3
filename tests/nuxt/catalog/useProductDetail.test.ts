import { describe, expect, it, vi } from 'vitest'
import { useProductDetail } from '~/composables/catalog/useProductDetail'
import { useProductReviews } from '~/composables/catalog/useProductReviews'
import { useProductStore } from '~/stores/catalog/products'
import { apiError } from '../../support/fakeApi'
import { cursorPage, productPage, seed } from '../../support/fixtures'
import { mountComposable } from '../../support/nuxt'
import { settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'

const fake = useFakeApi()

describe('useProductDetail', () => {
  it('shows what a list already knew at once, then the details, then up to eight related products without itself', async () => {
    useProductStore().upsert([seed.product(4)])
    const { result } = await mountComposable(() => useProductDetail(4))
    expect(result.product.value).toBeNull()
    expect(result.summary.value).toEqual(seed.product(4))
    expect(result.status.value).toBe('loading')

    fake.current.callsTo('/products/4/')[0]!.resolve(seed.detailDto(4))
    // The description sanitizer is loaded on demand: wait for the mapped product.
    await vi.waitFor(() => expect(result.product.value).toMatchObject({ id: 4, title: seed.product(4).title }))
    expect(result.status.value).toBe('success')

    // "More from this category": its best rated, one more than shown in case the product is among them.
    await vi.waitFor(() => expect(fake.current.callsTo('/products/')).toHaveLength(1))
    const related = fake.current.callsTo('/products/')[0]!
    expect(related.query).toMatchObject({ category: seed.product(4).category.slug, ordering: '-rating', page_size: 9 })
    related.resolve(productPage([9, 4, 10, 11, 12, 13, 14, 15, 16], 'more'))
    await settle()
    expect(result.related.items.value.map(p => p.id)).toEqual([9, 10, 11, 12, 13, 14, 15, 16])
  })

  it('keeps an unknown product as a 404 error, and loads it again on retry', async () => {
    fake.current.on('GET', '/products/404/', apiError(404, 'Not found.'))
    const { result } = await mountComposable(() => useProductDetail(404))
    await settle()
    expect(result.status.value).toBe('error')
    expect(result.error.value).toMatchObject({ status: 404, message: 'Not found.' })

    fake.current.on('GET', '/products/404/', seed.detailDto(5))
    void result.retry()
    await vi.waitFor(() => expect(result.product.value?.id).toBe(5))
    expect(fake.current.callsTo('/products/404/')).toHaveLength(2)
    expect(result.error.value).toBeNull()
  })
})

describe('useProductReviews', () => {
  it('lists the first page of reviews, then the next ones, each review once', async () => {
    const productId = seed.productWithReviews(8)
    const reviews = seed.reviewDtos(productId)
    const path = `/products/${productId}/reviews/`
    const { result } = await mountComposable(() => useProductReviews(productId))
    expect(fake.current.callsTo(path)[0]!.query).toMatchObject({ page_size: 5 })
    fake.current.callsTo(path)[0]!.resolve(cursorPage(reviews.slice(0, 5), 'r2', path))
    await settle()
    expect(result.items.value.map(r => r.id)).toEqual(reviews.slice(0, 5).map(r => r.id))
    expect(result.status.value).toBe('idle')

    void result.loadMore()
    expect(fake.current.callsTo(path)[1]!.query.cursor).toBe('r2')
    fake.current.callsTo(path)[1]!.resolve(cursorPage(reviews.slice(4, 8), null, path))
    await settle()
    expect(result.items.value.map(r => r.id)).toEqual(reviews.slice(0, 8).map(r => r.id))
    expect(result.items.value[7]).toEqual(seed.reviews(productId)[7])
    expect(result.status.value).toBe('done')
  })
})
