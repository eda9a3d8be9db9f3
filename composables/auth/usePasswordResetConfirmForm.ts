import { useRoute, useRouter } from '#app'
import { ApiError, isApiError } from '~/composables/core/api/ApiError'
import { useForm, type UseFormReturn } from '~/composables/form/useForm'
import { useNotify } from '~/composables/ui/useNotify'
import { usePasswordResetStore } from '~/stores/passwordReset'
import { SIGN_IN_PATH } from '~/utils/routes/paths'
import { newPasswordProblem, problems } from './validation'

export const INVALID_LINK = 'This link to reset your password does not work any more: it was used already, it expired, or part of it is missing. Ask for a new link below.'
export const PASSWORD_CHANGED = 'Your password has been changed. Sign in with your new password.'

export type PasswordResetConfirmField = 'password'

export interface UsePasswordResetConfirmFormReturn extends UseFormReturn<PasswordResetConfirmField> {
  /** Whether the address carries a uid and a token at all; without them there is nothing to send. */
  hasLink: boolean
}

/** One query value as the link wrote it; a repeated or missing parameter is no link. */
function linkPart(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/**
 * The backend's word that the link is no good (`uid` or `token` refused: used, expired, mangled) is about the link,
 * not a field the shopper can fix: one sentence at the top of the form, which says what to do instead.
 */
function aboutTheLink(error: unknown): unknown {
  if (!isApiError(error) || !('uid' in error.fieldErrors || 'token' in error.fieldErrors)) return error
  return new ApiError({ status: error.status, code: error.code, message: INVALID_LINK, fieldErrors: {}, retryable: false })
}

/**
 * The page a reset link opens (`?uid=&token=`): sets the new password, then sends the shopper to sign in with it.
 * The uid and token are read from the address once and kept in this closure only: not in a store or useState (the
 * SSR payload), never logged; the page itself is private (no shared cache) and sends no Referer.
 */
export function usePasswordResetConfirmForm(): UsePasswordResetConfirmFormReturn {
  const route = useRoute()
  const router = useRouter()
  const store = usePasswordResetStore()
  const notify = useNotify()
  const uid = linkPart(route.query.uid)
  const token = linkPart(route.query.token)
  const form = useForm<PasswordResetConfirmField>({
    initial: { password: '' },
    validate: values => problems({ password: newPasswordProblem(values.password) }),
    serverFields: { new_password: 'password' },
    async send(values) {
      try {
        await store.confirm({ uid, token, newPassword: values.password })
      }
      catch (error) {
        throw aboutTheLink(error)
      }
      notify.success(PASSWORD_CHANGED)
      await router.replace(SIGN_IN_PATH)
    },
  })
  return { ...form, hasLink: uid !== '' && token !== '' }
}
