import { computed, ref, watch, type ComputedRef } from 'vue'
import type { Address, AddressField } from '~/services/domain/address'
import { ADDRESS_FIELDS, SERVER_ADDRESS_FIELDS, addressFieldProblem, addressProblems, type AddressFieldSpec } from './addressRules'

export interface UseAddressFormReturn {
  fields: readonly AddressFieldSpec[]
  /** Messages next to each field: the check made when it was left, or what the backend said about it. */
  errors: ComputedRef<Record<AddressField, string[]>>
  /** The shopper left a field: check it (if they typed in it, or it was checked before). */
  leave: (field: AddressField) => void
  /** Checks every field at once (on "Continue"); resolves the first one with a problem, or null. */
  validateAll: () => AddressField | null
  /** The backend's field errors for the address (DRF: `shipping_address.<field>`); returns the first field named. */
  showServerErrors: (fieldErrors: Record<string, string[]>) => AddressField | null
}

/** The DOM id of an address field's input, so a form can focus the first error. */
export function addressInputId(field: AddressField): string {
  return `checkout-address-${field}`
}

/**
 * The address step's checks (Baymard): a field is checked when it is left, not while typing; a message goes as
 * soon as the field is fixed; everything is checked on "Continue"; nothing typed is ever cleared.
 */
export function useAddressForm(address: Address): UseAddressFormReturn {
  const dirty = ref<Partial<Record<AddressField, boolean>>>({})
  const shown = ref<Partial<Record<AddressField, string>>>({})
  const server = ref<Partial<Record<AddressField, string[]>>>({})

  for (const { name } of ADDRESS_FIELDS) {
    watch(() => address[name], () => {
      dirty.value[name] = true
      // The backend's message was about the old value; a shown check follows the value as it is fixed.
      if (server.value[name]) server.value = { ...server.value, [name]: undefined }
      if (shown.value[name]) shown.value = { ...shown.value, [name]: addressFieldProblem(name, address) }
    })
  }

  const errors = computed(() => {
    const out = {} as Record<AddressField, string[]>
    for (const { name } of ADDRESS_FIELDS) {
      const client = shown.value[name]
      out[name] = client ? [client] : server.value[name] ?? []
    }
    return out
  })

  function leave(field: AddressField): void {
    if (!dirty.value[field] && !shown.value[field]) return
    shown.value = { ...shown.value, [field]: addressFieldProblem(field, address) }
  }

  function validateAll(): AddressField | null {
    const problems = addressProblems(address)
    shown.value = problems
    return ADDRESS_FIELDS.find(f => problems[f.name] || server.value[f.name]?.length)?.name ?? null
  }

  function showServerErrors(fieldErrors: Record<string, string[]>): AddressField | null {
    const next: Partial<Record<AddressField, string[]>> = {}
    for (const [name, messages] of Object.entries(fieldErrors)) {
      const field = name.startsWith('shipping_address.') ? SERVER_ADDRESS_FIELDS[name.slice('shipping_address.'.length)] : undefined
      if (field) next[field] = [...(next[field] ?? []), ...messages]
    }
    // DRF's "shipping_address": ["This field is required."] (no nested field) belongs to the first field.
    const whole = fieldErrors.shipping_address ?? fieldErrors['shipping_address.non_field_errors']
    if (whole?.length) next.fullName = [...(next.fullName ?? []), ...whole]
    server.value = next
    return ADDRESS_FIELDS.find(f => next[f.name]?.length)?.name ?? null
  }

  return { fields: ADDRESS_FIELDS, errors, leave, validateAll, showServerErrors }
}
