import type { App } from 'vue'
import Toast, { POSITION, useToast, type PluginOptions } from 'vue-toastification'
import 'vue-toastification/dist/index.css'
import '~/assets/css/toasts.css'
import type { Notifier } from '~/composables/ui/useNotify'

const OPTIONS: PluginOptions = {
  position: POSITION.BOTTOM_RIGHT,
  timeout: 5000,
  maxToasts: 3,
  // The library's default names the button "close", which says nothing of what it closes.
  accessibility: { toastRole: 'alert', closeButtonLabel: 'Dismiss message' },
  // One message once: a burst of identical failures is one toast.
  filterBeforeCreate: (toast, toasts) => (toasts.some(t => t.content === toast.content) ? false : toast),
}

/**
 * Mounts the toast container and returns the notifier. Loaded with a dynamic import by plugins/toast.client.ts,
 * so the library and its CSS stay out of the entry chunk (first-view JS budget, bench/budgets.json).
 */
export function installToasts(app: App): Notifier {
  app.use(Toast, OPTIONS)
  const toast = useToast()
  return {
    success: message => void toast.success(message),
    info: message => void toast.info(message),
    error: message => void toast.error(message),
  }
}
