import { ref, type Ref } from 'vue'
import { useRoute } from '#app'
import { useForm, type UseFormReturn } from '~/composables/form/useForm'
import { usePasswordResetStore } from '~/stores/passwordReset'
import { keepResetReturn } from './resetReturn'
import { emailProblem, problems } from './validation'

export type PasswordResetRequestField = 'email'

export interface UsePasswordResetRequestFormReturn extends UseFormReturn<PasswordResetRequestField> {
  /** The address the link was asked for, once the backend took the request; null before (or to ask again). */
  sentTo: Ref<string | null>
  /** Back to the form, the email kept, to send another link or correct the address. */
  askAgain: () => void
}

/**
 * "Forgot password?": asks the backend to email a reset link. The backend answers alike whether or not an account has
 * this email, so the form can only say that a link was sent if there is one; it never claims more.
 */
export function usePasswordResetRequestForm(): UsePasswordResetRequestFormReturn {
  const route = useRoute()
  const store = usePasswordResetStore()
  const sentTo = ref<string | null>(null)
  const form = useForm<PasswordResetRequestField>({
    initial: { email: '' },
    validate: values => problems({ email: emailProblem(values.email) }),
    serverFields: { email: 'email' },
    async send(values) {
      await store.request(values.email)
      sentTo.value = values.email.trim()
      // The sign-in this reset interrupted comes back to its page once the new password is set.
      keepResetReturn(route.query.redirect)
    },
  })
  return { ...form, sentTo, askAgain: () => void (sentTo.value = null) }
}
