import { getCurrentScope, onMounted } from 'vue'
import { useRoute, useRouter } from '#app'
import { safeRedirect } from '~/utils/navigation/safeRedirect'
import { useAuth } from './useAuth'
import { useForm, type UseFormReturn } from '~/composables/form/useForm'
import { emailProblem, problems } from './validation'

const WRONG_CREDENTIALS = 'The email or password is not right. Check both and try again.'

export type LoginField = 'email' | 'password'

export type UseLoginFormReturn = UseFormReturn<LoginField>

/** The sign-in form: signs in, then goes to the validated `redirect` (or home). */
export function useLoginForm(): UseLoginFormReturn {
  const auth = useAuth()
  const route = useRoute()
  const router = useRouter()
  const form = useForm<LoginField>({
    initial: { email: '', password: '' },
    validate: values => problems({ email: emailProblem(values.email), password: values.password ? undefined : 'Enter your password.' }),
    serverFields: { email: 'email', password: 'password' },
    // SimpleJWT answers a wrong email or password with a 401 whose detail is written for developers ("No active account
    // found with the given credentials"), in whatever language the backend runs. The status is what it means.
    describe: error => (error.status === 401 ? WRONG_CREDENTIALS : undefined),
    async send(values) {
      await auth.signIn({ email: values.email, password: values.password })
      await router.replace(safeRedirect(route.query.redirect))
    },
  })
  // Back from registration (or Forward to this page) shows the email typed here again, never the password;
  // loaded once the form is on screen (../form/keptInHistory.ts). Imported here, not in useForm: this page's chunk
  // has a preload map already, useForm's chunk would gain one (~0.15 KiB more in sign-in's first view).
  if (import.meta.client) {
    const scope = getCurrentScope()!
    onMounted(() => import('~/composables/form/keptInHistory').then(m => m.keepInHistory(form, 'email', scope), () => {}))
  }
  return form
}
