import { nextTick, watch } from 'vue'
import { injectHead, type NuxtApp } from '#app'
import { useAnnouncer } from './useAnnouncer'
import { spotToReturnTo, whenSpotDrawn, type FocusSpot } from './returnFocus'
import { scriptFocusable } from './scriptFocus'

export { rememberFocus } from './returnFocus'

/** Marks a part of the new page that is still loading what names the page (a product's skeleton): wait for it. */
const BUSY = '[aria-busy="true"]'

/** Resolves once `main` holds nothing marked busy: at once, or when the last busy part is gone or done. */
function whenSettled(main: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const settled = () => !main.querySelector(BUSY)
    if (settled()) return resolve()
    const observer = new MutationObserver(() => {
      if (!settled()) return
      observer.disconnect()
      resolve()
    })
    observer.observe(main, { childList: true, subtree: true, attributeFilter: ['aria-busy'] })
  })
}

/**
 * Where the focus starts on the new page, if the navigation left it nowhere: on <body>, or on an element that left
 * the document (the card or link that was activated). Focus anywhere else is left alone: a link of the header that
 * is still there, or what the page focused itself on mount (a checkout step, an order's thanks). The main heading
 * is focusable only while it has the focus, so it is no stop in the Tab order; preventScroll, because the router
 * decides the scroll (the top of a new page, the saved position on back/forward). `back` is the element to return
 * to on back/forward (returnFocus.ts): it is in view, where the shopper left it; the heading if it cannot be focused.
 */
export function focusNewPage(main: HTMLElement, back: HTMLElement | null = null): void {
  const active = document.activeElement
  if (active && active !== document.body && active.isConnected) return
  if (back?.isConnected) {
    back.focus({ preventScroll: true, focusVisible: true })
    if (document.activeElement === back) return
  }
  scriptFocusable(main.querySelector<HTMLElement>('h1') ?? main)?.focus({ preventScroll: true })
}

/**
 * A client-side navigation has rendered a new page: once the page has what names it and its title is in the document
 * (`writeTitle`), the title is said in the app's status region and the focus starts on the page. Nothing is done if
 * another navigation came first (`isCurrent`). Back/forward to a page left from an element it remembers (`spot`):
 * the focus returns to that element once it is drawn, or starts on the page as usual.
 */
export async function arrive(isCurrent: () => boolean, writeTitle: () => Promise<unknown>, spot: FocusSpot | null = null): Promise<void> {
  const main = document.querySelector('main')
  if (main) await whenSettled(main)
  await writeTitle()
  if (!isCurrent()) return
  useAnnouncer().announce(document.title.trim())
  if (!main?.isConnected) return
  const back = spot && await whenSpotDrawn(main, spot)
  if (isCurrent() && main.isConnected) focusNewPage(main, back)
}

/** error.vue's <main>. */
const ERROR_PAGE = 'main[data-error-page]'

/**
 * Resolves once error.vue is in the document, or the navigation is no longer current. It is a lazy component: the
 * render that sets it up in place of the app can come before it is there (the old page, its heading and its status
 * region still in the document), and the module with this code is usually loaded by then (returnFocus.ts).
 */
function whenErrorPage(isCurrent: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const shown = () => !!document.querySelector(ERROR_PAGE) || !isCurrent()
    if (shown()) return resolve()
    const observer = new MutationObserver(() => {
      if (!shown()) return
      observer.disconnect()
      resolve()
    })
    observer.observe(document.body, { childList: true, subtree: true })
  })
}

type Head = Pick<ReturnType<typeof injectHead>, 'dirty' | 'hooks'>

/**
 * unhead writes the head into the document in a task of its own after a change (Nuxt's head plugin renders it when
 * the page has finished, a page's later useHead in a debounced timer): `dirty` until then. Resolves once
 * `document.title` is the one the pages have set.
 */
export function headWritten(head: Head): Promise<void> {
  if (!head.dirty) return Promise.resolve()
  return new Promise((resolve) => {
    const off = head.hooks.hook('dom:rendered', () => {
      off()
      resolve()
    })
  })
}

/**
 * For app/router.options.ts, as a navigation to another path starts: returns what to call once the new page is there
 * (after page:loading:end). A navigation can end on the error page instead (a URL no page has, a page that threw),
 * which has no page:loading:end: that is waited for here, and whichever comes first runs.
 */
export function pageChanging(nuxtApp: NuxtApp, path: string): () => void {
  const head = injectHead(nuxtApp)
  const isCurrent = () => nuxtApp.$router.currentRoute.value.path === path
  // Read now: the history entry is the new page's, and nothing has replaced it yet.
  const spot = spotToReturnTo(path)
  let done = false
  const run = () => {
    if (done) return
    done = true
    stop()
    const shown = nuxtApp.payload.error ? whenErrorPage(isCurrent) : Promise.resolve()
    void shown.then(() => arrive(isCurrent, () => headWritten(head), spot))
  }
  // The error page: run after the render that puts error.vue in place of the app (watchers run before it), once it is
  // there. Another navigation ends the wait. (nextTick, also for stop: with `immediate` the callback can run before stop exists.)
  const stop = watch([() => nuxtApp.payload.error, isCurrent], ([error, current]) => {
    if (error || !current) void nextTick(current ? run : () => stop())
  }, { immediate: true })
  return run
}
