import { describe, expect, it } from 'vitest'
import { computed, ref } from 'vue'
import { useGoneComponentPage } from '~/composables/catalog/useGoneComponentPage'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { ListView } from '~/composables/pagination/useListView'
import type { ListStatus } from '~/stores/resources/cursorList'
import { PRODUCTS_PATH } from '~/utils/routes/paths'
import { apiError } from '../../support/fakeApi'
import { mountComposable } from '../../support/nuxt'

/** A list that failed its first page with `error`. */
function failedList(error: ApiErrorData, items: number[] = []): ListView<number> {
  const status = ref<ListStatus>('error')
  return {
    items: computed(() => items),
    status: computed(() => status.value),
    error: computed(() => error),
    hasNext: computed(() => false),
    loadMore: async () => {},
    retry: async () => {},
  }
}

describe('useGoneComponentPage', () => {
  it('leads a component page the backend does not know (404 for its cursor) to the first page, filters and sort kept', async () => {
    const { result } = await mountComposable(() => useGoneComponentPage(failedList(apiError(404, 'Invalid cursor'))), {
      route: `${PRODUCTS_PATH}?brand=acme&brand=bolt&sort=price-asc&cursor=cut&from=c1`,
    })
    expect(result.value).toEqual({ path: PRODUCTS_PATH, query: { brand: ['acme', 'bolt'], sort: 'price-asc' } })
  })

  it('leaves every other failure to the list: a first page\'s 404, a failing backend, a later page', async () => {
    const cases: Array<[string, ListView<number>]> = [
      [`${PRODUCTS_PATH}?brand=nope`, failedList(apiError(404))],
      [`${PRODUCTS_PATH}?cursor=c3`, failedList(apiError(503))],
      [`${PRODUCTS_PATH}?cursor=c3`, failedList(apiError(404), [1, 2])],
    ]
    for (const [route, list] of cases) {
      const { result } = await mountComposable(() => useGoneComponentPage(list), { route })
      expect(result.value, route).toBeNull()
    }
  })
})
