import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useApi } from '~/composables/core/useApi'
import { categoryService } from '~/services/categoryService'
import { buildCategoryTree, categoryPath, type Category } from '~/services/domain/category'
import { createKeyedResource, type LoadOptions, type ResourceState } from './keyedResource'

/** The category tree changes rarely; one load per half hour is plenty. */
export const CATEGORIES_TTL_MS = 30 * 60_000
const KEY = 'all'

export const useCategoryStore = defineStore('catalog-categories', () => {
  const service = categoryService(useApi())
  const entries = ref<Record<string, ResourceState<Category[]>>>({})
  const resource = createKeyedResource(entries, CATEGORIES_TTL_MS)

  const state = computed(() => entries.value[KEY])
  const categories = computed(() => state.value?.data ?? [])
  const tree = computed(() => buildCategoryTree(categories.value))
  const bySlug = computed(() => new Map(categories.value.map(c => [c.slug, c])))

  function fetchCategories(options?: LoadOptions): Promise<ResourceState<Category[]>> {
    return resource.load(KEY, signal => service.list({ signal }), options)
  }

  function pathTo(slug: string): Category[] {
    return categoryPath(categories.value, slug)
  }

  return { entries, state, categories, tree, bySlug, fetchCategories, pathTo }
})
