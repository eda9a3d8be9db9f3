import { computed, type ComputedRef } from 'vue'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { Category, CategoryNode } from '~/services/domain/category'
import { useCategoryStore } from '~/stores/catalog/categories'
import type { ResourceStatus } from '~/stores/resources/keyedResource'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'

export interface UseCategoriesReturn {
  /** Every category, flat, in the backend's order. */
  categories: ComputedRef<Category[]>
  /** The same as a forest (top-level categories with their children). */
  tree: ComputedRef<CategoryNode[]>
  status: ComputedRef<ResourceStatus>
  /** Why the tree could not be loaded, while it could not. */
  error: ComputedRef<ApiErrorData | null>
  /** Loads the tree again (after a failure). */
  retry: () => Promise<void>
  /** Root-first ancestry of a category (itself last); empty when unknown. */
  pathTo: (slug: string) => Category[]
  /** The category with this slug, if it exists. */
  find: (slug: string) => Category | undefined
}

/** The category tree: loaded once per session (SSR payload on the first page), shared by every page. */
export async function useCategories(): Promise<UseCategoriesReturn> {
  const store = useCategoryStore()
  const result: UseCategoriesReturn = {
    categories: computed(() => store.categories),
    tree: computed(() => store.tree),
    status: computed(() => store.state?.status ?? 'loading'),
    error: computed(() => store.state?.error ?? null),
    retry: async () => {
      await store.fetchCategories({ force: true })
    },
    pathTo: slug => store.pathTo(slug),
    find: slug => store.bySlug.get(slug),
  }
  await useStoreLoad('catalog:categories', () => store.fetchCategories())
  return result
}
