import { onMounted } from 'vue'

/**
 * For components hydrated lazily (`hydrate-on-idle`): their server HTML is live before their code is, so a
 * shopper may tick a box or type into it first. Hydration then keeps a box's checked state without the component
 * knowing, and resets a text field to the model. `read` looks at the server-rendered controls during setup, before
 * hydration touches them (null when there is nothing to take over), and `apply` runs once mounted with what was
 * read, so the component acts on what the shopper did instead of dropping it.
 * On a client-side render the elements do not exist yet at setup, so `read` finds nothing and this does nothing.
 */
export function useInputBeforeHydration<T>(read: () => T | null, apply: (early: T) => void): void {
  const early = import.meta.client ? read() : null
  onMounted(() => {
    if (early !== null) apply(early)
  })
}

/** The element with this id, if it is an input (the server-rendered one, during hydration). */
export function inputById(id: string): HTMLInputElement | null {
  const el = document.getElementById(id)
  return el instanceof HTMLInputElement ? el : null
}
