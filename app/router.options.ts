import type { RouterConfig } from 'nuxt/schema'
import type { RouteLocationNormalized } from 'vue-router'
import { START_LOCATION } from 'vue-router'
import { useNuxtApp } from '#app'

type Position = { left: number, top: number }

/** Up to about half a second of frames for a page to grow tall enough for the saved position. */
const MAX_LAYOUT_FRAMES = 30

function samePath(a: RouteLocationNormalized, b: RouteLocationNormalized): boolean {
  return a.path.replace(/\/$/, '') === b.path.replace(/\/$/, '')
}

/**
 * Back/forward to a long list: the page may still be building its height (a virtual grid switches in after mount,
 * lazily loaded), and scrolling before it is tall enough would clamp to the wrong product. Wait, frame by frame,
 * until the saved position fits (bounded, so a page that really got shorter still scrolls), and resolve to it.
 */
function whenTallEnough(position: Position): Promise<Position> {
  return new Promise((resolve) => {
    let frames = 0
    const check = () => {
      const fits = document.documentElement.scrollHeight >= position.top + window.innerHeight
      if (fits || ++frames >= MAX_LAYOUT_FRAMES) resolve(position)
      else requestAnimationFrame(check)
    }
    check()
  })
}

// Nuxt's default behaviour (same-page query changes keep the scroll, hashes scroll to the element, new pages
// start at the top once rendered, back/forward restore the saved position, between two entries of one page too)
// plus the wait above.
export default <RouterConfig>{
  scrollBehavior(to, from, savedPosition) {
    const nuxtApp = useNuxtApp()
    // Lazy, this and the page change below: router.options is in every entry.
    const pageChange = () => import('~/composables/ui/pageChange')
    if (from === START_LOCATION) {
      // From the first page on, a page left for another remembers in its history entry where the focus was, for
      // back/forward to put it there again. Its code loads as the first navigation is about to leave the page (the
      // guard waits for it, once), not now: a shopper who never navigates does not load it, and nothing is imported
      // while the app starts (the Nuxt test environment resets its module registry right after the app starts, and
      // an import still in flight then deadlocked the next test file's imports). A failed load only loses the
      // remembering, never the navigation (and rememberFocus does not throw).
      nuxtApp.$router.beforeResolve((next, page) => pageChange().then(m => m.rememberFocus(next, page), () => {}))
    }
    // The first page is the server's HTML, on screen before the app starts (after the first paint): the browser has
    // put it at its #hash already, and the shopper may have scrolled it. Only a reload's saved position is restored,
    // and only if they have not (scrolling them back to the top lost their place and stalled the infinite scroll).
    if (from === START_LOCATION) return savedPosition && window.scrollY === 0 ? savedPosition : false
    if (samePath(to, from)) {
      if (from.hash && !to.hash) return { left: 0, top: 0 }
      // A query change (a listing's filters) keeps the place the shopper is at, but back/forward (a saved position)
      // goes to the place they had in that entry, the top for one never scrolled, once the list is tall enough for it.
      return to.hash ? { el: to.hash, top: 0 } : savedPosition ? whenTallEnough(savedPosition) : false
    }
    const target = (): Position | { el: string, top: number } => savedPosition ?? (to.hash ? { el: to.hash, top: 0 } : { left: 0, top: 0 })

    // A new page as a screen reader and the keyboard meet it: its title said, the focus on it (the first page is the
    // browser's own; a query change is not a new page: the listings say their results).
    const arrived = pageChange().then(m => m.pageChanging(nuxtApp, to.path), () => {})
    return new Promise((resolve) => {
      nuxtApp.hooks.hookOnce('page:loading:end', async () => {
        await nuxtApp['~transitionPromise']
        await new Promise(requestAnimationFrame)
        if (nuxtApp.$router.currentRoute.value.fullPath !== to.fullPath) return resolve(false)
        if (savedPosition) await whenTallEnough(savedPosition)
        resolve(target())
        void arrived.then(run => run?.())
      })
    })
  },
}
