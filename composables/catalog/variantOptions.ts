import type { ProductVariant } from '~/services/domain/product'

/** One option (e.g. colour) with its values in first-seen order. */
export interface OptionGroup {
  name: string
  values: string[]
}

export function optionGroups(variants: readonly ProductVariant[]): OptionGroup[] {
  const groups = new Map<string, string[]>()
  for (const variant of variants) {
    for (const [name, value] of Object.entries(variant.options)) {
      const values = groups.get(name) ?? []
      if (!values.includes(value)) values.push(value)
      groups.set(name, values)
    }
  }
  return [...groups].map(([name, values]) => ({ name, values }))
}

/** The variant whose options are exactly `selected`, if any. */
export function findVariant(variants: readonly ProductVariant[], selected: Record<string, string>): ProductVariant | undefined {
  const names = new Set(variants.flatMap(v => Object.keys(v.options)))
  if ([...names].some(name => !selected[name])) return undefined
  return variants.find(v => Object.entries(v.options).every(([name, value]) => selected[name] === value))
}

/** Whether a variant agrees with every choice made so far (choices may be partial). */
export function matchesChoices(variant: ProductVariant, choices: Record<string, string>): boolean {
  return Object.entries(choices).every(([name, value]) => variant.options[name] === value)
}

/**
 * Choices after picking `value` for `name`: the other choices are kept when some variant has them all,
 * otherwise they are dropped, so a pick never leads to "no such variant".
 */
export function applyChoice(variants: readonly ProductVariant[], choices: Record<string, string>, name: string, value: string): Record<string, string> {
  const next = { ...choices, [name]: value }
  return variants.some(v => matchesChoices(v, next)) ? next : { [name]: value }
}

/** Whether picking `value` for `name` (keeping the other choices) gives something in stock. */
export function isOptionAvailable(variants: readonly ProductVariant[], selected: Record<string, string>, name: string, value: string): boolean {
  return variants.some(v => v.options[name] === value && v.inStock
    && Object.entries(selected).every(([n, val]) => n === name || v.options[n] === val))
}
