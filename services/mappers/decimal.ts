import type { DecimalNumberDto } from '../dto'

/**
 * A DRF DecimalField that is not money ("4.20" by default, 4.2 when the backend coerces decimals to numbers) as a
 * number. Anything that is not a decimal (DRF writes "" for a null it was asked to render) becomes `fallback`:
 * one odd field must not turn a whole product list into an error.
 */
export function toDecimalNumber(value: DecimalNumberDto | null | undefined, fallback = 0): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : fallback
  if (typeof value !== 'string' || !/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return fallback
  return Number(value)
}
