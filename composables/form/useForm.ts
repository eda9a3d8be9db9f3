import { computed, reactive, ref, watch, type ComputedRef, type Ref, type UnwrapNestedRefs } from 'vue'
import { isApiError, type ApiError } from '~/composables/core/api/ApiError'
import { MESSAGES } from '~/composables/core/api/messages'

export type FormStatus = 'idle' | 'submitting' | 'error' | 'success'

export type FieldMessages<F extends string> = Record<F, string[]>

export interface UseFormOptions<F extends string> {
  /** Initial values, one per field. */
  initial: Record<F, string>
  /** Checks done before anything is sent; a message per failing field. */
  validate: (values: Record<F, string>) => Partial<Record<F, string>>
  /** Backend (DRF, snake_case) field name -> form field; unknown names go to the top of the form. */
  serverFields: Record<string, F>
  /** Sends the form; rejects with an ApiError to have it shown. */
  send: (values: Record<F, string>) => Promise<void>
  /** Says a backend message about a field in the shop's words (Django's defaults are terse); others are kept. */
  rephrase?: (field: F, message: string) => string
  /** The form's own sentence for an error as a whole (sign-in's 401 is SimpleJWT's developer wording); undefined keeps it. */
  describe?: (error: ApiError) => string | undefined
}

/** Django writes some messages from a model's lowercase name ("user with this email already exists."). */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1)
}

export interface UseFormReturn<F extends string> {
  /** v-model targets; kept as typed after any error, nothing is cleared. */
  values: UnwrapNestedRefs<Record<F, string>>
  /** Messages next to each field: client checks first, then what the server said about it. */
  fieldErrors: ComputedRef<FieldMessages<F>>
  /** Messages for the top of the form: DRF non_field_errors, `detail` (wrong password, throttled), outages. */
  formErrors: ComputedRef<string[]>
  status: Ref<FormStatus>
  /** Validates, sends, and records the outcome; resolves true on success. */
  submit: () => Promise<boolean>
  /** The shopper left a field: its check shows now if they typed something wrong (an untouched field waits for submit). */
  leave: (field: F) => void
}

/**
 * A form as one state machine (idle -> submitting -> success | error): client checks, then the send, then what the
 * backend said mapped onto the fields (DRF field errors) or the top of the form. The account forms use it; checkout,
 * address and review forms are meant to.
 */
export function useForm<F extends string>(options: UseFormOptions<F>): UseFormReturn<F> {
  const fields = Object.keys(options.initial) as F[]
  const values = reactive({ ...options.initial }) as UnwrapNestedRefs<Record<F, string>>
  const status = ref<FormStatus>('idle')
  // Baymard: a field's problem shows once it was checked (the field left after typing, or a submit), goes as soon as
  // it is fixed, and does not come back while typing, only at the next leave or submit.
  const checked = ref<Partial<Record<F, boolean>>>({})
  const serverFieldErrors = ref<Partial<Record<F, string[]>>>({})
  const serverFormErrors = ref<string[]>([])
  // What was sent: a backend's message about a field stands only while the field still holds what it was about.
  let sent: Partial<Record<F, string>> = {}

  const current = (): Record<F, string> => ({ ...values }) as Record<F, string>
  const problems = computed(() => options.validate(current()))
  watch(problems, (now) => {
    for (const field of fields) if (checked.value[field] && !now[field]) checked.value[field] = false
  })

  const fieldErrors = computed(() => {
    const out = {} as FieldMessages<F>
    const now = current()
    // Read whatever the fields hold: `sent` is not reactive, so a run that read no server errors (every field changed
    // since the last send) would otherwise not run again when the next send's errors arrive.
    const server = serverFieldErrors.value
    for (const field of fields) {
      const client = checked.value[field] ? problems.value[field] : undefined
      out[field] = client ? [client] : now[field] === sent[field] ? server[field] ?? [] : []
    }
    return out
  })

  function recordFailure(error: unknown): void {
    const byField: Partial<Record<F, string[]>> = {}
    const top: string[] = []
    if (isApiError(error)) {
      for (const [name, messages] of Object.entries(error.fieldErrors)) {
        const field = options.serverFields[name]
        if (field) byField[field] = [...(byField[field] ?? []), ...messages.map(message => sentence(options.rephrase?.(field, message) ?? message))]
        // One the form has no field for says which it is about ("Username: This field is required."), else
        // the shopper would not know what to change; DRF's non_field_errors are about the form as a whole.
        else top.push(...messages.map(message => (name === 'non_field_errors' ? '' : `${sentence(name.replace(/[._]/g, ' '))}: `) + sentence(message)))
      }
      if (Object.keys(error.fieldErrors).length === 0) top.push(options.describe?.(error) ?? error.message)
    }
    else {
      top.push(MESSAGES.unknown)
    }
    serverFieldErrors.value = byField
    serverFormErrors.value = top
    status.value = 'error'
  }

  async function submit(): Promise<boolean> {
    if (status.value === 'submitting') return false
    for (const field of fields) checked.value[field] = !!problems.value[field]
    serverFieldErrors.value = {}
    serverFormErrors.value = []
    if (Object.keys(problems.value).length > 0) {
      status.value = 'error'
      return false
    }
    status.value = 'submitting'
    try {
      sent = current()
      await options.send(sent as Record<F, string>)
      status.value = 'success'
      return true
    }
    catch (error) {
      recordFailure(error)
      return false
    }
  }

  function leave(field: F): void {
    if (current()[field] !== '' && problems.value[field]) checked.value[field] = true
  }

  return { values, fieldErrors, formErrors: computed(() => serverFormErrors.value), status, submit, leave }
}
