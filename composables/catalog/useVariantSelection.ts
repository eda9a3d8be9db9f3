import { computed, ref, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { useRoute, useRouter } from '#app'
import type { ProductVariant } from '~/services/domain/product'
import { applyChoice, findVariant, isOptionAvailable, optionGroups, type OptionGroup } from './variantOptions'

export interface UseVariantSelectionReturn {
  /** Option groups to pick from (colour, size, ...). */
  groups: ComputedRef<OptionGroup[]>
  /** The chosen variant (from `?variant=`), or null while the choice is incomplete. */
  variant: ComputedRef<ProductVariant | null>
  /** Option name -> chosen value (possibly partial). */
  selected: ComputedRef<Record<string, string>>
  /** Options still to choose before the product can be bought. */
  missing: ComputedRef<string[]>
  /** Choose a value; once a whole variant is chosen the URL names it (replace: choosing is not a navigation). */
  choose: (name: string, value: string) => void
  /** Whether a value would be in stock with the other current choices. */
  isAvailable: (name: string, value: string) => boolean
}

/** The chosen variant lives in the URL (`?variant=<id>`), so a shared link opens the same colour and size. */
export function useVariantSelection(variants: MaybeRefOrGetter<readonly ProductVariant[]>): UseVariantSelectionReturn {
  const route = useRoute()
  const router = useRouter()
  const all = computed(() => toValue(variants))
  // Choices that do not make a whole variant yet (colour picked, size not): local until complete.
  const partial = ref<Record<string, string>>({})

  const variant = computed(() => {
    const list = all.value
    if (list.length === 1) return list[0] ?? null
    const id = Number(route.query.variant)
    return list.find(v => v.id === id) ?? null
  })
  const selected = computed(() => (variant.value ? { ...variant.value.options } : partial.value))
  const groups = computed(() => optionGroups(all.value))

  function choose(name: string, value: string): void {
    const next = applyChoice(all.value, selected.value, name, value)
    partial.value = next
    const exact = findVariant(all.value, next)
    const query = { ...route.query }
    if (exact) query.variant = String(exact.id)
    else delete query.variant
    if (String(route.query.variant ?? '') !== String(query.variant ?? '')) void router.replace({ query, hash: route.hash })
  }

  return {
    groups,
    variant,
    selected,
    missing: computed(() => (variant.value || all.value.length === 0 ? [] : groups.value.map(g => g.name).filter(name => !selected.value[name]))),
    choose,
    isAvailable: (name, value) => isOptionAvailable(all.value, selected.value, name, value),
  }
}
