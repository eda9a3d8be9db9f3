import { describe, expect, it } from 'vitest'
import { useBuiltStack } from '../server/support/builtStack'
import { componentPage, followNext } from './support/componentPages'

// Server-rendered component pages over a backend whose DEFAULT_PAGINATION_CLASS is PageNumberPagination: DRF's
// `next` has `?page=N` and no cursor. The pager's rel="next" (how crawlers reach the rest of a listing) carries that
// page in `cursor`, like a cursor; following it from the first page lists every product once, in order.

const PRODUCTS = 150

const stack = useBuiltStack({ seedProducts: PRODUCTS, profile: { pagination: 'page-number' } })

describe('component pages over DRF PageNumberPagination', () => {
  it('following next from /products?sort=price-asc lists every product once, in the backend\'s order', async () => {
    const { visited, productIds: walked } = await followNext(`${stack.web.url}/products?sort=price-asc`)

    expect(visited).toHaveLength(Math.ceil(PRODUCTS / 24))
    expect(new URL(visited[1]!).searchParams.get('cursor')).toBe('page=2')
    expect(walked).toEqual(stack.api.backend.db.index.sorted.price.map(product => product.id))
  }, 120_000)

  it('a later page links back to the page before it', async () => {
    const second = (await componentPage(`${stack.web.url}/products?sort=price-asc`)).next!
    const third = await componentPage((await componentPage(second)).next!)
    expect(third.previous).not.toBeNull()
    expect((await componentPage(third.previous!)).productIds).toEqual((await componentPage(second)).productIds)
  }, 60_000)
})
