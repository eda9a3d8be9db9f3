import { computed, watch } from 'vue'
import { navigateTo, useRouter } from '#app'
import { useApiSession } from '~/composables/core/useApiSession'
import { useAnnouncer } from '~/composables/ui/useAnnouncer'
import { useNotify } from '~/composables/ui/useNotify'
import { useAuthStore } from '~/stores/auth'
import { useWishlistStore, WishlistRefusal } from '~/stores/wishlist/wishlist'
import { safeRedirect } from '~/utils/navigation/safeRedirect'
import { signInLocation } from '~/utils/routes/signIn'
import { forgetIntents, rememberIntent, takeIntents } from './signInIntent'
import type { WishlistProduct, WishlistRuntime } from './wishlistAccess'
import { addedAfterSignInMessage, isSilentFailure, putBackRefusalMessage, refusalMessage } from './wishlistMessages'
import { openWishlistTabs, type WishlistTabMessage } from './wishlistTabs'

/**
 * Starts the wishlist in the browser, once per app (wishlistAccess.ts loads it): it follows who is signed in
 * (union at sign-in, everything forgotten at sign-out, other tabs told), re-reads the ids when they are old,
 * announces what the backend refused and what the shop stopped selling, and sends a signed-out shopper's heart
 * through sign-in and back.
 */
export function startWishlist(): WishlistRuntime {
  const store = useWishlistStore()
  const auth = useAuthStore()
  const session = useApiSession()
  const notify = useNotify()
  const router = useRouter()
  const tabs = openWishlistTabs(onTabMessage)
  const outcomes = new WeakMap<Promise<void>, Promise<WishlistRefusal | null>>()

  /**
   * Tells other tabs what the backend agreed to, or the shopper what it refused (unless the caller explains it:
   * `quiet`); resolves null when it agreed, else the refusal. Fast taps share one drain, and its outcome is reported once.
   */
  function follow(product: WishlistProduct, settled: Promise<void>, quiet = false): Promise<WishlistRefusal | null> {
    const known = outcomes.get(settled)
    if (known) return known
    const owner = auth.user?.id
    const outcome = settled.then(
      () => {
        if (owner !== undefined && owner === auth.user?.id) tabs.post({ type: 'changed', owner, productId: product.id, saved: store.isSaved(product.id) })
        return null
      },
      (error: unknown) => {
        if (!(error instanceof WishlistRefusal)) throw error
        if (!quiet && !isSilentFailure(error.error)) notify.error(refusalMessage(product.title, error.wanted, error.error))
        return error
      },
    )
    outcomes.set(settled, outcome)
    return outcome
  }

  /**
   * Sign-in and registration: the pages a sign-in never leads back to, so signInLocation gives them no way back.
   * (Asked of signInLocation rather than of the route policy, whose list the first view's code would then have to
   * hand to this lazily loaded module.)
   */
  function isSignInPage(path: string): boolean {
    return signInLocation(path).query.redirect === undefined
  }

  /**
   * Where the sign-in that just happened leads back to: the sign-in (or registration) page's way back while it is
   * still shown, else the page it led to (this code may start only after the shopper got there).
   */
  function signInReturn(): string {
    const route = router.currentRoute.value
    return isSignInPage(route.path) ? safeRedirect(route.query.redirect, '') : safeRedirect(route.fullPath, '')
  }

  async function signedIn(): Promise<void> {
    // After a page load the access token is not in memory yet, and a call without it comes back 401 before the
    // core refreshes and sends it again: getting the token first makes the ids one request, not two.
    if (!session.getAccessToken()) {
      // null: refused, and the auth layer signs this tab out; a failure to ask (offline) leaves it to the core.
      const token = await session.refresh().catch(() => undefined)
      if (token === null) return
    }
    // Only the hearts that went to this very sign-in: not one a guest tapped and gave up on before someone signed in.
    const intents = takeIntents(signInReturn())
    if (!intents.length) return store.loadIds()
    const results = await store.mergeAtSignIn(intents.map(intent => intent.productId))
    const added = intents.filter((_, index) => results[index]?.status === 'fulfilled').map(intent => intent.title)
    if (added.length) notify.success(addedAfterSignInMessage(added))
    results.forEach((result, index) => {
      const intent = intents[index]
      if (result.status === 'rejected' && intent && result.reason instanceof WishlistRefusal && !isSilentFailure(result.reason.error)) {
        notify.error(refusalMessage(intent.title, true, result.reason.error))
      }
    })
  }

  watch(() => auth.user?.id ?? null, (owner, previous) => {
    if (previous !== undefined && previous !== null && owner !== previous) {
      store.clear()
      forgetIntents()
      if (owner === null) tabs.post({ type: 'signed-out' })
    }
    if (owner !== null) void signedIn()
  }, { immediate: true })

  // A product the shop stopped selling left the wishlist (stores/wishlist/seenEntries.ts): said once, politely, on
  // whatever page the shopper is; /wishlist also shows it until dismissed. The sentence's code loads then.
  const { announce } = useAnnouncer()
  const said = new Set<number>()
  watch(() => store.gone, (entries) => {
    if (!entries.length) said.clear()
    const fresh = entries.filter(entry => !said.has(entry.productId))
    for (const entry of fresh) said.add(entry.productId)
    if (fresh.length) void import('./wishlistGoneMessage').then(module => announce(module.wishlistGoneMessage(fresh)), () => {})
  }, { immediate: true })

  // Other devices may have changed the wishlist: ids older than their freshness window are read again on the
  // next navigation (one request at most; none while they are fresh).
  router.afterEach((to) => {
    if (auth.isSignedIn) void store.loadIds()
    // A guest who goes anywhere but sign-in or registration gave up on the hearts that sent them there.
    else if (!isSignInPage(to.path)) forgetIntents()
  })

  async function onTabMessage(message: WishlistTabMessage): Promise<void> {
    if (message.type === 'changed') {
      if (message.owner === auth.user?.id) store.applyRemote(message.productId, message.saved)
      return
    }
    store.clear()
    forgetIntents()
    if (!auth.isSignedIn) return
    // This tab still believes it is signed in. Ask the session: refused (the cookie is gone) signs this tab out
    // through the auth layer; a token means someone signed in again there, so show who it is now.
    const token = await session.refresh().catch(() => null)
    if (token) await auth.reloadUser().catch(() => undefined)
  }

  return {
    isSaved: store.isSaved,
    count: computed(() => store.count),
    toggle(product) {
      if (!auth.isSignedIn) {
        const signIn = signInLocation(router.currentRoute.value.fullPath)
        const kept = rememberIntent(product, signIn.query.redirect)
        if (!kept) notify.info(`Sign in, then tap the heart again to add ${product.title} to your wishlist.`)
        void navigateTo(signIn)
        return
      }
      void follow(product, store.setSaved(product.id, !store.isSaved(product.id)))
    },
    set(product, saved, options) {
      if (!auth.isSignedIn) return Promise.resolve(false)
      return follow(product, store.setSaved(product.id, saved), options?.quiet).then(refusal => refusal === null)
    },
    // The caller shows the refusal where the Undo was: no toast as well. A refusal of the removal still under way
    // (Undo pressed before its answer) leaves the product in the wishlist: nothing to put back.
    restore: product => follow(product, store.restore(product.id), true)
      .then(refusal => (refusal?.wanted ? putBackRefusalMessage(product.title, refusal.error) : null)),
  }
}
