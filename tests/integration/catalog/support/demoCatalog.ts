import { $fetch } from 'ofetch'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { createApiClient } from '~/composables/core/api/createApiClient'
import type { ProductQuery } from '~/services/domain/product'
import { useProductStore } from '~/stores/catalog/products'
import type { DemoBackendOptions } from '../../../mocks/createDemoBackend'
import { createDemoMswServer, type DemoMswServer } from '../../../mocks/testing/mswServer'
import { installApi } from '../../../support/installedApi'
import { freshStores } from '../../../support/stores'

/**
 * The catalog stores through the real services and transport, against the demo backend in msw/node, for the tests
 * of one file (or of the describe block it is called in): the api installed behind useApi() before them and removed
 * after them, and stores that start empty in every test.
 */
export function useDemoCatalog(options: Partial<DemoBackendOptions>): DemoMswServer {
  const demo = createDemoMswServer(options)
  const api = createApiClient({ fetch: $fetch, baseURL: demo.baseUrl })
  beforeAll(() => {
    demo.server.listen({ onUnhandledRequest: 'error' })
    installApi(api)
  })
  beforeEach(freshStores)
  afterAll(() => {
    installApi(null)
    demo.server.close()
  })
  return demo
}

/** The product store's list for `query` after fetchFirst and loadMore until it has no next page (`maxPages` at most). */
export async function loadWholeList(query: ProductQuery, options: { pageSize?: number, maxPages?: number } = {}) {
  const products = useProductStore()
  await products.fetchFirst(query, { pageSize: options.pageSize })
  for (let pages = 1; products.listFor(query)!.hasNext && pages < (options.maxPages ?? 100); pages++) await products.loadMore(query)
  return products.listFor(query)!
}
