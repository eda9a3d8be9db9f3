import { nextTick, type ComputedRef, type Ref } from 'vue'

interface SubmittableForm {
  submit: () => Promise<boolean>
  /** Messages for the whole form: shown above it, and they focus themselves (AuthFormErrors). */
  formErrors: ComputedRef<string[]>
}

/**
 * A form's submit handler that, when the submit failed on fields, moves the focus to the first field marked invalid:
 * keyboard and screen-reader users land on what to fix, and the focus does not fall to the page when the busy
 * submit button was disabled. Not when there are messages for the whole form, which take the focus themselves.
 */
export function useFocusingSubmit(form: Ref<HTMLElement | null>, state: SubmittableForm): () => Promise<void> {
  return async () => {
    if ((await state.submit()) || state.formErrors.value.length) return
    await nextTick()
    form.value?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus({ focusVisible: true })
  }
}
