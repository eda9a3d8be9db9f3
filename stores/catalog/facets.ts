import { defineStore } from 'pinia'
import { useApi } from '~/composables/core/useApi'
import { productService } from '~/services/productService'
import { browserService } from '~/stores/resources/browserService'
import type { ProductFacets } from '~/services/domain/facets'
import type { ProductQuery } from '~/services/domain/product'
import { facetsKey } from '~/services/domain/productQuery'
import { createKeyedResource, type LoadOptions, type ResourceState } from '~/stores/resources/keyedResource'

export const FACETS_TTL_MS = 5 * 60_000

/** Filter-panel counts per canonical query (sort ignored). */
export const useFacetsStore = defineStore('catalog-facets', () => {
  const api = useApi()
  const service = import.meta.client ? browserService(() => import('~/services/productService').then(m => m.productService(api))) : productService(api)
  const resource = createKeyedResource<ProductFacets>({ ttlMs: FACETS_TTL_MS })

  function entryFor(query: ProductQuery): ResourceState<ProductFacets> | undefined {
    return resource.get(facetsKey(query))
  }

  function fetchFacets(query: ProductQuery, options?: LoadOptions): Promise<ResourceState<ProductFacets>> {
    return resource.load(facetsKey(query), signal => service.facets(query, { signal }), options)
  }

  return { entries: resource.entries, entryFor, fetchFacets }
})
