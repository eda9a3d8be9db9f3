import type { Order } from '~/services/domain/order'
import { useListView, type ListView } from '~/composables/pagination/useListView'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'
import { useOrderStore, type OrderHistoryFilter } from '~/stores/orders/orders'

export type UseOrderHistoryReturn = ListView<Order>

const ALL: OrderHistoryFilter = {}

/** The shopper's orders, newest first: the first page server-rendered, then cursor pages on "Load more". */
export async function useOrderHistory(): Promise<UseOrderHistoryReturn> {
  const store = useOrderStore()
  const view = useListView({
    state: () => store.listFor(ALL),
    item: id => store.byId[id],
    loadMore: () => store.loadMore(ALL),
    retry: () => store.retry(ALL),
  })
  await useStoreLoad('orders:history', () => store.fetchFirst(ALL))
  return view
}
