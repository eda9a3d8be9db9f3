/** Client-side checks: quick hints before a round trip. The backend stays the authority. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const MIN_PASSWORD_LENGTH = 8

export function emailProblem(value: string): string | undefined {
  if (!value.trim()) return 'Enter your email address.'
  if (!EMAIL.test(value.trim())) return 'Enter an email address like name@example.com.'
  return undefined
}

export function requiredProblem(value: string, label: string): string | undefined {
  return value.trim() ? undefined : `Enter your ${label}.`
}

export function newPasswordProblem(value: string): string | undefined {
  if (!value) return 'Choose a password.'
  if (value.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`
  return undefined
}

/** Drops the undefined entries so "no problems" is an empty object. */
export function problems<F extends string>(checks: Record<F, string | undefined>): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {}
  for (const [field, message] of Object.entries(checks) as [F, string | undefined][]) {
    if (message) out[field] = message
  }
  return out
}
