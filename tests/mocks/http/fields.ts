import type { FieldErrorsDto } from '../../../services/dto'
import { REQUIRED, validationError } from './responses'

// DRF serializer field validation, only as much as the demo needs, with DRF's exact messages.

export type Body = Record<string, unknown>

/** DRF rejects a non-object body before looking at fields. */
export function asObject(value: unknown): Body {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Body
  const got = Array.isArray(value) ? 'list' : value === null ? 'NoneType' : typeof value === 'string' ? 'str' : typeof value
  throw validationError({ non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] })
}

export class FieldCollector {
  readonly errors: FieldErrorsDto = {}

  constructor(private readonly body: Body) {}

  add(field: string, message: string): void {
    const list = this.errors[field]
    if (Array.isArray(list)) list.push(message)
    else this.errors[field] = [message]
  }

  /** CharField(required, allow_blank=False, max_length) */
  string(field: string, options: { required?: boolean, maxLength?: number, allowBlank?: boolean } = {}): string | undefined {
    const value = this.body[field]
    const required = options.required ?? true
    if (value === undefined) {
      if (required) this.add(field, REQUIRED)
      return undefined
    }
    if (value === null) return void this.add(field, 'This field may not be null.')
    if (typeof value !== 'string' && typeof value !== 'number') return void this.add(field, 'Not a valid string.')
    const text = String(value).trim()
    if (!text && !options.allowBlank) return void this.add(field, 'This field may not be blank.')
    if (options.maxLength && text.length > options.maxLength) return void this.add(field, `Ensure this field has no more than ${options.maxLength} characters.`)
    return text
  }

  /** IntegerField(required, min_value) */
  integer(field: string, options: { required?: boolean, min?: number, max?: number } = {}): number | undefined {
    const value = this.body[field]
    if (value === undefined || value === null) {
      if (options.required ?? true) this.add(field, value === null ? 'This field may not be null.' : REQUIRED)
      return undefined
    }
    const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value
    if (typeof number !== 'number' || !Number.isInteger(number)) return void this.add(field, 'A valid integer is required.')
    if (options.min !== undefined && number < options.min) return void this.add(field, `Ensure this value is greater than or equal to ${options.min}.`)
    if (options.max !== undefined && number > options.max) return void this.add(field, `Ensure this value is less than or equal to ${options.max}.`)
    return number
  }

  throwIfAny(): void {
    if (Object.keys(this.errors).length) throw validationError(this.errors)
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const COMMON_PASSWORDS = new Set(['password', 'password1', '12345678', '123456789', 'qwerty123', 'iloveyou', 'letmein1', 'welcome1'])

export function isEmail(value: string): boolean {
  return EMAIL.test(value)
}

/** Django's default AUTH_PASSWORD_VALIDATORS (similarity is left out). */
export function passwordProblems(password: string): string[] {
  const problems: string[] = []
  if (password.length < 8) problems.push('This password is too short. It must contain at least 8 characters.')
  if (COMMON_PASSWORDS.has(password.toLowerCase())) problems.push('This password is too common.')
  if (/^\d+$/.test(password)) problems.push('This password is entirely numeric.')
  return problems
}
