import type { Address, AddressField } from '~/services/domain/address'
import { isCountryCode } from '~/utils/format/countries'

// Quick checks before a round trip, with messages that say what to do. The backend stays the authority: its
// field errors (DRF nests them: `shipping_address.city`) are shown next to the same fields.

export interface AddressFieldSpec {
  name: AddressField
  label: string
  /** The WHATWG autofill token, with the `shipping` section, so browsers fill the right address. */
  autocomplete: string
  required: boolean
  maxLength: number
  type?: 'text' | 'tel'
  inputmode?: 'text' | 'tel'
  hint?: string
}

export const ADDRESS_FIELDS: readonly AddressFieldSpec[] = [
  { name: 'fullName', label: 'Full name', autocomplete: 'shipping name', required: true, maxLength: 255 },
  { name: 'line1', label: 'Street address', autocomplete: 'shipping address-line1', required: true, maxLength: 255 },
  { name: 'line2', label: 'Apartment, suite, building', autocomplete: 'shipping address-line2', required: false, maxLength: 255 },
  { name: 'city', label: 'Town or city', autocomplete: 'shipping address-level2', required: true, maxLength: 128 },
  { name: 'postalCode', label: 'Postal code', autocomplete: 'shipping postal-code', required: true, maxLength: 20 },
  { name: 'country', label: 'Country', autocomplete: 'shipping country', required: true, maxLength: 2 },
  { name: 'phone', label: 'Phone', autocomplete: 'shipping tel', required: false, maxLength: 32, type: 'tel', inputmode: 'tel', hint: 'Only for questions about the delivery.' },
]

/** Backend (DRF, snake_case) field names under `shipping_address.` -> form fields. */
export const SERVER_ADDRESS_FIELDS: Readonly<Record<string, AddressField>> = {
  full_name: 'fullName', line1: 'line1', line2: 'line2', city: 'city', postal_code: 'postalCode', country: 'country', phone: 'phone',
}

const MISSING: Record<AddressField, string> = {
  fullName: 'Enter the name of the person receiving the order.',
  line1: 'Enter the street address.',
  line2: '',
  city: 'Enter the town or city.',
  postalCode: 'Enter the postal code.',
  country: 'Choose a country.',
  phone: '',
}

const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{0,18}[A-Za-z0-9]$|^[A-Za-z0-9]$/
const PHONE = /^\+?[0-9 ().-]{5,31}$/

export function addressFieldProblem(field: AddressField, address: Address): string | undefined {
  const spec = ADDRESS_FIELDS.find(f => f.name === field) as AddressFieldSpec
  const value = address[field].trim()
  if (!value) return spec.required ? MISSING[field] : undefined
  if (value.length > spec.maxLength) return `Use at most ${spec.maxLength} characters.`
  if (field === 'country' && !isCountryCode(value)) return MISSING.country
  if (field === 'postalCode' && !POSTAL_CODE.test(value)) return 'Enter a postal code using letters, digits, spaces or hyphens.'
  if (field === 'phone' && !PHONE.test(value)) return 'Enter a phone number using digits, spaces and an optional leading +.'
  return undefined
}

export function addressProblems(address: Address): Partial<Record<AddressField, string>> {
  const out: Partial<Record<AddressField, string>> = {}
  for (const { name } of ADDRESS_FIELDS) {
    const problem = addressFieldProblem(name, address)
    if (problem) out[name] = problem
  }
  return out
}
