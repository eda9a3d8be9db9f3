import { getCurrentScope, onMounted } from 'vue'
import { useRoute, useRouter } from '#app'
import { safeRedirect } from '~/utils/navigation/safeRedirect'
import { ACCOUNT_PATH } from '~/utils/routes/paths'
import { useAuth } from './useAuth'
import { useForm, type UseFormReturn } from '~/composables/form/useForm'
import { emailProblem, newPasswordProblem, problems, requiredProblem } from './validation'

export type RegisterField = 'firstName' | 'lastName' | 'email' | 'password'

export type UseRegisterFormReturn = UseFormReturn<RegisterField>

/** The registration form: creates the account (signed in at once), then goes to `redirect` or the profile. */
export function useRegisterForm(): UseRegisterFormReturn {
  const auth = useAuth()
  const route = useRoute()
  const router = useRouter()
  const form = useForm<RegisterField>({
    initial: { firstName: '', lastName: '', email: '', password: '' },
    validate: values => problems({
      firstName: requiredProblem(values.firstName, 'first name'),
      lastName: undefined,
      email: emailProblem(values.email),
      password: newPasswordProblem(values.password),
    }),
    serverFields: { first_name: 'firstName', last_name: 'lastName', email: 'email', password: 'password' },
    // DRF's unique-field message, "user with this email already exists.": say what the shopper can do about it.
    rephrase: (field, message) => (field === 'email' && /already exists/i.test(message)
      ? 'An account with this email already exists. Sign in with it, or use another email.'
      : message),
    async send(values) {
      await auth.register({ firstName: values.firstName, lastName: values.lastName, email: values.email, password: values.password })
      await router.replace(safeRedirect(route.query.redirect, ACCOUNT_PATH))
    },
  })
  // Back from sign-in (or Forward to this page) shows the email typed here again, never the password;
  // loaded once the form is on screen (../form/keptInHistory.ts). Imported here, not in useForm: this page's chunk
  // has a preload map already, useForm's chunk would gain one (~0.15 KiB more in sign-in's first view).
  if (import.meta.client) {
    const scope = getCurrentScope()!
    onMounted(() => import('~/composables/form/keptInHistory').then(m => m.keepInHistory(form, 'email', scope), () => {}))
  }
  return form
}
