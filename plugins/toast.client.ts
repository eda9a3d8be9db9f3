import { defineNuxtPlugin } from '#app'
import Toast, { POSITION, useToast, type PluginOptions } from 'vue-toastification'
import 'vue-toastification/dist/index.css'
import { isApiError, type ApiError } from '~/composables/core/api/ApiError'
import type { Notifier } from '~/composables/auth/useNotify'

const OPTIONS: PluginOptions = {
  position: POSITION.BOTTOM_RIGHT,
  timeout: 5000,
  maxToasts: 3,
  // One message once: a burst of identical failures is one toast.
  filterBeforeCreate: (toast, toasts) => (toasts.some(t => t.content === toast.content) ? false : toast),
}

/** Failures nobody should see as a toast: the caller gave up, or the session handler already said it. */
const SILENT_CODES = new Set(['aborted', 'session_expired'])

function shouldToast(error: unknown): error is ApiError {
  return isApiError(error) && !SILENT_CODES.has(error.code)
}

// Client only: toasts are interactive UI with timers; nothing about them belongs in the server HTML.
export default defineNuxtPlugin({
  name: 'toast',
  setup(nuxtApp) {
    nuxtApp.vueApp.use(Toast, OPTIONS)
    const toast = useToast()
    const notify: Notifier = {
      success: message => void toast.success(message),
      info: message => void toast.info(message),
      error: message => void toast.error(message),
    }

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
