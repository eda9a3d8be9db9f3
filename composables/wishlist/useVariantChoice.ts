import { computed, ref, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { applyChoice, findVariant, isOptionAvailable, optionGroups, type OptionGroup } from '~/composables/catalog/variantOptions'
import type { ProductVariant } from '~/services/domain/product'

export interface UseVariantChoiceReturn {
  /** Option groups to pick from (colour, size, ...). */
  groups: ComputedRef<OptionGroup[]>
  /** Option name -> chosen value (possibly partial). */
  selected: ComputedRef<Record<string, string>>
  /** The chosen variant, or null while the choice is incomplete. */
  variant: ComputedRef<ProductVariant | null>
  /** Options still to choose. */
  missing: ComputedRef<string[]>
  choose: (name: string, value: string) => void
  /** Whether a value would be in stock with the other current choices. */
  isAvailable: (name: string, value: string) => boolean
}

/**
 * A variant choice held in the component, for a page with several products (the wishlist's rows); the product
 * page's choice lives in its URL instead (useVariantSelection). Same rules, from variantOptions.
 */
export function useVariantChoice(variants: MaybeRefOrGetter<readonly ProductVariant[]>): UseVariantChoiceReturn {
  const all = computed(() => toValue(variants))
  const chosen = ref<Record<string, string>>({})
  const groups = computed(() => optionGroups(all.value))
  const variant = computed(() => (all.value.length === 1 ? all.value[0] ?? null : findVariant(all.value, chosen.value) ?? null))
  const selected = computed(() => (variant.value ? { ...variant.value.options } : chosen.value))
  return {
    groups,
    selected,
    variant,
    missing: computed(() => (variant.value ? [] : groups.value.map(group => group.name).filter(name => !selected.value[name]))),
    choose(name, value) {
      chosen.value = applyChoice(all.value, selected.value, name, value)
    },
    isAvailable: (name, value) => isOptionAvailable(all.value, selected.value, name, value),
  }
}
