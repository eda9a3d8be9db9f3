import { useRouter } from '#app'
import { isApiError } from '~/composables/core/api/ApiError'
import { useForm, type UseFormReturn } from '~/composables/form/useForm'
import { useNotify } from '~/composables/ui/useNotify'
import { PASSWORD_CHANGED_SIGNED_OUT, usePasswordChangeStore } from '~/stores/passwordChange'
import { signInLocation } from '~/utils/routes/signIn'
import { ACCOUNT_PATH } from '~/utils/routes/paths'
import { newPasswordProblem, problems } from './validation'

export const NOT_CURRENT_PASSWORD = 'This is not your current password. Check it and try again.'

export type PasswordChangeField = 'currentPassword' | 'newPassword'

export type UsePasswordChangeFormReturn = UseFormReturn<PasswordChangeField>

/**
 * The profile's "Change password": sends both passwords, and on success empties the fields (nothing typed stays on
 * the screen) while this browser stays signed in (the BFF swapped its cookie; other devices are signed out). The
 * passwords live in this form only: not a store, not useState, never logged. Errors keep what was typed.
 */
export function usePasswordChangeForm(): UsePasswordChangeFormReturn {
  const store = usePasswordChangeStore()
  const router = useRouter()
  const notify = useNotify()
  const form = useForm<PasswordChangeField>({
    initial: { currentPassword: '', newPassword: '' },
    validate: values => problems({
      // Not trimmed: a password may be spaces.
      currentPassword: values.currentPassword ? undefined : 'Enter your current password.',
      newPassword: newPasswordProblem(values.newPassword),
    }),
    serverFields: { current_password: 'currentPassword', new_password: 'newPassword' },
    // Djoser's "Invalid password." does not say which password, nor what to do.
    rephrase: (field, message) => (field === 'currentPassword' && message === 'Invalid password.' ? NOT_CURRENT_PASSWORD : message),
    async send(values) {
      try {
        await store.change({ currentPassword: values.currentPassword, newPassword: values.newPassword })
      }
      catch (error) {
        if (!isApiError(error) || error.code !== PASSWORD_CHANGED_SIGNED_OUT) throw error
        // The password is the new one, but this browser was signed out: say so where the shopper goes next.
        notify.info(error.message)
        await router.replace(signInLocation(ACCOUNT_PATH))
        return
      }
      form.values.currentPassword = ''
      form.values.newPassword = ''
    },
  })
  return form
}
