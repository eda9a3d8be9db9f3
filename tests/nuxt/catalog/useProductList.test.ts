import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { useProductList } from '~/composables/catalog/useProductList'
import type { ProductQuery } from '~/services/domain/product'
import { useProductStore } from '~/stores/catalog/products'
import { apiError } from '../../support/fakeApi'
import { productPage, seed } from '../../support/fixtures'
import { mountComposable } from '../../support/nuxt'
import { settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'

const fake = useFakeApi()
const listCalls = () => fake.current.callsTo('/products/')

describe('useProductList', () => {
  it('renders at once on a client navigation, then shows the first page, in order, each product once', async () => {
    const { result } = await mountComposable(() => useProductList({ category: 'mugs' }))
    expect(result.status.value).toBe('loading')
    expect(result.items.value).toEqual([])
    expect(listCalls()[0]!.query).toMatchObject({ category: 'mugs' })

    listCalls()[0]!.resolve(productPage([3, 1, 2, 1], 'c2'))
    await settle()
    expect(result.items.value.map(p => p.id)).toEqual([3, 1, 2])
    expect(result.items.value[0]).toEqual(seed.product(3))
    expect(result.status.value).toBe('idle')
    expect(result.hasNext.value).toBe(true)
  })

  it('switches lists when the query changes, dropping the answer for the query the shopper left', async () => {
    const query = ref<ProductQuery>({ search: 'red' })
    const { result } = await mountComposable(() => useProductList(query))
    query.value = { search: 'blue' }
    await nextTick()
    expect(listCalls()).toHaveLength(2)
    expect(listCalls()[0]!.signal!.aborted).toBe(true)
    listCalls()[1]!.resolve(productPage([20, 21], null))
    await settle()
    expect(result.items.value.map(p => p.id)).toEqual([20, 21])
    expect(result.status.value).toBe('done')
  })

  it('makes no request for a list the server already loaded (the Pinia payload)', async () => {
    // What the server put in the payload: the list and its products, fresh.
    const store = useProductStore()
    store.upsert([seed.product(1), seed.product(2)])
    store.lists[store.resolveKey({ sort: 'rating' })] = {
      key: store.resolveKey({ sort: 'rating' }), params: { sort: 'rating' }, startCursor: null, ids: [1, 2],
      pages: [{ cursor: null, offset: 0 }], nextCursor: 'c2', hasNext: true, status: 'idle', error: null, fetchedAt: Date.now(), pageSize: 24,
    }
    const { result } = await mountComposable(() => useProductList({ sort: 'rating' }))
    expect(result.items.value.map(p => p.id)).toEqual([1, 2])
    expect(fake.current.calls).toHaveLength(0)
  })

  it('loads the next page from the list\'s cursor, and retries the page that failed', async () => {
    const { result } = await mountComposable(() => useProductList({}))
    listCalls()[0]!.resolve(productPage([1, 2], 'c2'))
    await settle()

    void result.loadMore()
    expect(listCalls()[1]!.query.cursor).toBe('c2')
    listCalls()[1]!.reject(apiError(503, 'The shop is busy.'))
    await settle()
    expect(result.status.value).toBe('error')
    expect(result.error.value?.message).toBe('The shop is busy.')

    void result.retry()
    expect(listCalls()[2]!.query.cursor).toBe('c2')
    listCalls()[2]!.resolve(productPage([3], null))
    await settle()
    expect(result.items.value.map(p => p.id)).toEqual([1, 2, 3])
    expect(result.status.value).toBe('done')
    expect(result.error.value).toBeNull()
  })

  it('starts at a cursor (a component page) with the page size the URL asks for', async () => {
    const { result } = await mountComposable(() => useProductList({}, { startCursor: 'c5', pageSize: 48 }))
    expect(listCalls()[0]!.query).toMatchObject({ cursor: 'c5', page_size: 48 })
    listCalls()[0]!.resolve(productPage([50, 51], 'c6'))
    await settle()
    expect(result.list.value?.startCursor).toBe('c5')
    expect(result.list.value?.pages).toEqual([{ cursor: 'c5', offset: 0 }])
  })
})
