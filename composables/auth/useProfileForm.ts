import { watch } from 'vue'
import { useAuth } from './useAuth'
import { useForm, type UseFormReturn } from '~/composables/form/useForm'
import { problems, requiredProblem } from './validation'

export type ProfileField = 'firstName' | 'lastName'

export type UseProfileFormReturn = UseFormReturn<ProfileField>

/** Edits the shopper's name; starts from the current one and follows it when it changes elsewhere. */
export function useProfileForm(): UseProfileFormReturn {
  const auth = useAuth()
  const form = useForm<ProfileField>({
    initial: { firstName: auth.user.value?.firstName ?? '', lastName: auth.user.value?.lastName ?? '' },
    validate: values => problems({ firstName: requiredProblem(values.firstName, 'first name'), lastName: undefined }),
    serverFields: { first_name: 'firstName', last_name: 'lastName' },
    async send(values) {
      await auth.updateProfile({ firstName: values.firstName, lastName: values.lastName })
    },
  })
  // A field the shopper has edited is theirs: the page's own read of the profile can land after they started typing
  // (against DRF the browser's first /auth/me/ is a 401, refreshed and replayed; a read retried after a failure), and
  // must not wipe it out; a field still showing the name as it was follows the new one.
  watch(() => auth.user.value, (user, before) => {
    if (!user || form.status.value === 'submitting') return
    for (const field of ['firstName', 'lastName'] as const) {
      if (form.values[field] === (before?.[field] ?? '')) form.values[field] = user[field]
    }
  })
  return form
}
