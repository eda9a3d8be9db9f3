import { expect } from 'vitest'

/**
 * A DRF framework error body: exactly `{"detail": <detail>}` as stock DRF sends it, or with `code` set to the
 * exception's default_code by a custom exception handler. Nothing else may depend on the code.
 */
export function expectDrfError(body: unknown, detail: string | RegExp, defaultCode: string): void {
  expect(body).toBeTypeOf('object')
  const { detail: actual, code, ...rest } = body as Record<string, unknown>
  if (typeof detail === 'string') expect(actual).toBe(detail)
  else expect(actual).toMatch(detail)
  if (code !== undefined) expect(code).toBe(defaultCode)
  expect(rest).toEqual({})
}
