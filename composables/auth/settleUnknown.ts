import type { ApiSession } from '~/composables/core/api/session'
import type { useAuthStore } from '~/stores/auth'

/**
 * Browser, when the server could not tell who this is (status unknown: storage or backend hiccup; the page was
 * rendered as a guest's): the refresh cookie decides, once. Without this the shopper would browse, and fill a cart,
 * as a guest until the next full page load. A failure that decides nothing leaves it unknown. Loaded only then
 * (plugins/auth-session.ts), so it is in no page's first view.
 */
export async function settleUnknown(store: ReturnType<typeof useAuthStore>, session: Pick<ApiSession, 'refresh'>): Promise<void> {
  if (store.status !== 'unknown') return
  try {
    if (await session.refresh()) await store.reloadUser()
    else store.markSignedOut()
  }
  catch { /* still unknown: the next page load asks again */ }
}
