import { scriptFocusable } from '~/composables/ui/scriptFocus'
import { useAnnouncer } from '~/composables/ui/useAnnouncer'

/**
 * "Clear all filters", wherever a listing offers it (its filter panel, a result that matched nothing): `clear` drops
 * the filters (the listing's useListingFilters), and the button goes away with them. The focus went with it to
 * <body>; it goes to the listing's heading instead (the results start again from the top, and Tab goes on from
 * there), and the app's status region says what the press did: the live result count alone does not say why it
 * changed.
 */
export function useClearAllFilters(clear: () => void): () => void {
  const { announce } = useAnnouncer()
  return () => {
    clear()
    scriptFocusable(document.querySelector<HTMLElement>('main h1'))?.focus()
    announce('Filters cleared.')
  }
}
