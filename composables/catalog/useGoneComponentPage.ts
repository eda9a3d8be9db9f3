import { computed, type ComputedRef } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import { useRoute } from '#app'
import type { ListView } from '~/composables/pagination/useListView'

/**
 * A listing's component page (`?cursor=`) that the backend does not know: DRF answers a cursor it cannot read with
 * 404 ("Invalid cursor"), and a link mangled on its way or made before the backend changed its cursors gets one.
 * "Try again" cannot help; the first page can. The first page's location (filters and sort kept) in that case,
 * null otherwise (a first page's 404 and every other failure are the list's own to show).
 */
export function useGoneComponentPage(list: ListView<unknown>): ComputedRef<RouteLocationRaw | null> {
  const route = useRoute()
  return computed(() => {
    const { cursor, from: _from, ...query } = route.query
    const gone = !!cursor && list.status.value === 'error' && list.error.value?.status === 404 && !list.items.value.length
    return gone ? { path: route.path, query } : null
  })
}
