import { useRoute, useRouter } from '#app'
import { safeRedirect } from '~/utils/navigation/safeRedirect'
import { useAuth } from './useAuth'
import { useAuthForm, type UseAuthFormReturn } from './useAuthForm'
import { emailProblem, problems } from './validation'

export type LoginField = 'email' | 'password'

export type UseLoginFormReturn = UseAuthFormReturn<LoginField>

/** The sign-in form: signs in, then goes to the validated `redirect` (or home). */
export function useLoginForm(): UseLoginFormReturn {
  const auth = useAuth()
  const route = useRoute()
  const router = useRouter()
  return useAuthForm<LoginField>({
    initial: { email: '', password: '' },
    validate: values => problems({ email: emailProblem(values.email), password: values.password ? undefined : 'Enter your password.' }),
    serverFields: { email: 'email', password: 'password' },
    async send(values) {
      await auth.signIn({ email: values.email, password: values.password })
      await router.replace(safeRedirect(route.query.redirect))
    },
  })
}
