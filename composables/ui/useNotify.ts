import { useNuxtApp } from '#app'

/** Short messages for the shopper (toasts). On the server there is nobody to tell: every call is a no-op. */
export interface Notifier {
  success(message: string): void
  info(message: string): void
  error(message: string): void
}

const SILENT: Notifier = { success: () => {}, info: () => {}, error: () => {} }

/** The toast notifier plugins/toast.client.ts provides, or a silent one during SSR and in tests without it. */
export function useNotify(): Notifier {
  const provided: unknown = useNuxtApp().$notify
  return isNotifier(provided) ? provided : SILENT
}

function isNotifier(value: unknown): value is Notifier {
  return typeof value === 'object' && value !== null && 'success' in value && 'error' in value && 'info' in value
}
