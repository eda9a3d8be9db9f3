import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { CheckoutDraft } from '../checkoutDraft'
import { createDemoPaymentProvider } from './demoPaymentProvider'
import type { PaymentMethod, PaymentProvider } from './paymentProvider'

export interface UsePaymentStepReturn {
  provider: PaymentProvider
  /** The confirmed method (token and label), in memory only; after a reload, what the provider can resume. */
  method: ShallowRef<PaymentMethod | null>
  /** Why the payment step cannot go on (nothing chosen, a declined card): shown next to the provider's fields. */
  error: Ref<string | null>
  mount: (container: HTMLElement) => Promise<void>
  unmount: () => void
  /** Tokenizes what the shopper chose; false (with `error` set and focus on the fields) when it cannot. */
  confirm: () => Promise<boolean>
  /** The method to send: the confirmed one, or the remembered one resumed (null: ask the shopper again). */
  current: () => PaymentMethod | null
  /** A refusal to show on the payment step (a decline), with the fields focused once mounted. */
  refuse: (message: string) => void
}

/**
 * The payment step around a PaymentProvider: the demo's test tokens today; a real provider (hosted card fields)
 * is created here instead and nothing else in the checkout changes.
 */
export function usePaymentStep(draft: CheckoutDraft, provider: PaymentProvider = createDemoPaymentProvider()): UsePaymentStepReturn {
  const method = shallowRef<PaymentMethod | null>(null)
  const error = ref<string | null>(null)

  return {
    provider,
    method,
    error,
    async mount(container) {
      await provider.mount(container, {
        restore: draft.payment,
        onChange: () => {
          error.value = null
        },
      })
      if (error.value) provider.focus()
    },
    unmount: () => provider.unmount(),
    async confirm() {
      const result = await provider.tokenize()
      if ('error' in result) {
        error.value = result.error
        provider.focus()
        return false
      }
      error.value = null
      method.value = result.method
      draft.payment = result.method.remember
      return true
    },
    current: () => method.value ?? (draft.payment ? provider.resume(draft.payment) : null),
    refuse(message) {
      error.value = message
      method.value = null
      draft.confirmed.payment = false
    },
  }
}
