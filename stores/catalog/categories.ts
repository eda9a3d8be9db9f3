import { defineStore } from 'pinia'
import { computed } from 'vue'
import { useApi } from '~/composables/core/useApi'
import { categoryService } from '~/services/categoryService'
import { browserService } from '~/stores/resources/browserService'
import { buildCategoryTree, categoryAncestry, type Category } from '~/services/domain/category'
import { createKeyedResource, type LoadOptions, type ResourceState } from '~/stores/resources/keyedResource'

/** The category tree changes rarely; one load per half hour is plenty. */
export const CATEGORIES_TTL_MS = 30 * 60_000
const KEY = 'all'

export const useCategoryStore = defineStore('catalog-categories', () => {
  const api = useApi()
  const service = import.meta.client ? browserService(() => import('~/services/categoryService').then(m => m.categoryService(api))) : categoryService(api)
  const resource = createKeyedResource<Category[]>({ ttlMs: CATEGORIES_TTL_MS })

  const state = computed(() => resource.entries.value[KEY])
  const categories = computed(() => state.value?.data ?? [])
  const tree = computed(() => buildCategoryTree(categories.value))
  const bySlug = computed(() => new Map(categories.value.map(c => [c.slug, c])))

  function fetchCategories(options?: LoadOptions): Promise<ResourceState<Category[]>> {
    return resource.load(KEY, signal => service.list({ signal }), options)
  }

  function pathTo(slug: string): Category[] {
    return categoryAncestry(categories.value, slug)
  }

  return { entries: resource.entries, state, categories, tree, bySlug, fetchCategories, pathTo }
})
