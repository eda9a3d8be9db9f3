import { defineNuxtPlugin, onNuxtReady } from '#app'
import { isApiError, type ApiError } from '~/composables/core/api/ApiError'
import type { Notifier } from '~/composables/ui/useNotify'

/** Failures nobody should see as a toast: the caller gave up, or the session handler already said it. */
const SILENT_CODES = new Set(['aborted', 'session_expired'])

function shouldToast(error: unknown): error is ApiError {
  return isApiError(error) && !SILENT_CODES.has(error.code)
}

// Client only: toasts are interactive UI with timers; nothing about them belongs in the server HTML.
export default defineNuxtPlugin({
  name: 'toast',
  setup(nuxtApp) {
    // vue-toastification is not first-view code: it loads once the app is idle after hydration, or with the
    // first toast if that comes sooner. Messages wait on the same promise, so they keep their order.
    let container: Promise<Notifier> | null = null
    const load = (): Promise<Notifier> =>
      (container ??= import('~/composables/ui/toastContainer').then(m => m.installToasts(nuxtApp.vueApp)))
    const show = (kind: keyof Notifier) => (message: string) => {
      load().then(n => n[kind](message), () => {
        // The chunk failed to load (offline, new deploy): allow a later toast to try again.
        container = null
      })
    }
    const notify: Notifier = { success: show('success'), info: show('info'), error: show('error') }
    onNuxtReady(() => void load().catch(() => (container = null)))

    // useApi errors a page did not handle itself: a rejected promise nobody caught, or an error thrown in a component.
    window.addEventListener('unhandledrejection', (event) => {
      if (!shouldToast(event.reason)) return
      event.preventDefault()
      notify.error(event.reason.message)
    })
    nuxtApp.hook('vue:error', (error) => {
      if (shouldToast(error)) notify.error(error.message)
    })

    return { provide: { notify } }
  },
})
