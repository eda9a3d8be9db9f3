import { ref, type Ref } from 'vue'
import { useRoute, useRouter } from '#app'
import { ApiError, isApiError } from '~/composables/core/api/ApiError'
import { useForm, type UseFormReturn } from '~/composables/form/useForm'
import { useNotify } from '~/composables/ui/useNotify'
import { usePasswordResetStore } from '~/stores/passwordReset'
import { signInLocation } from '~/utils/routes/signIn'
import { takeResetReturn } from './resetReturn'
import { newPasswordProblem, problems } from './validation'

export const INVALID_LINK = 'This link to reset your password does not work any more: it was used already, it expired, or part of it is missing.'
export const PASSWORD_CHANGED = 'Your password has been changed. Sign in with your new password.'

export type PasswordResetConfirmField = 'password'

export interface UsePasswordResetConfirmFormReturn extends UseFormReturn<PasswordResetConfirmField> {
  /** Whether the address carries a uid and a token at all; without them there is nothing to send. */
  hasLink: boolean
  /** The backend refused the link's uid or token: the form goes for good (no password can be set with this link). */
  linkRefused: Ref<boolean>
}

/** One query value as the link wrote it; a repeated or missing parameter is no link. */
function linkPart(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/**
 * The backend's word that the link is no good (`uid` or `token` refused: used, expired, mangled) is about the link,
 * not a field the shopper can fix: one sentence in place of the form, which leads to asking for a new link.
 */
function refusesTheLink(error: unknown): error is ApiError {
  return isApiError(error) && ('uid' in error.fieldErrors || 'token' in error.fieldErrors)
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
  const linkRefused = ref(false)
  const form = useForm<PasswordResetConfirmField>({
    initial: { password: '' },
    validate: values => problems({ password: newPasswordProblem(values.password) }),
    serverFields: { new_password: 'password' },
    async send(values) {
      try {
        await store.confirm({ uid, token, newPassword: values.password })
      }
      catch (error) {
        if (!refusesTheLink(error)) throw error
        // Only the backend can tell (there is no endpoint that checks a token without using it), so this is learnt
        // on the first submit. The typed password is dropped: it cannot be used with this link, and nothing keeps it.
        linkRefused.value = true
        form.values.password = ''
        throw new ApiError({ status: error.status, code: error.code, message: INVALID_LINK, fieldErrors: {}, retryable: false })
      }
      notify.success(PASSWORD_CHANGED)
      await router.replace(signInLocation(takeResetReturn()))
    },
  })
  return { ...form, hasLink: uid !== '' && token !== '', linkRefused }
}
