import { onMounted } from 'vue'

/**
 * For components hydrated lazily (`hydrate-on-idle`): their server HTML is live before their code is, so a
 * shopper may tick a box or type into it first. Hydration then keeps a box's checked state without the component
 * knowing, and resets a text field to the model. `read` looks at the server-rendered controls during setup, before
 * hydration touches them (null when there is nothing to take over), and `apply` runs once mounted with what was
 * read, so the component acts on what the shopper did instead of dropping it.
 * `shown` is the state the controls show (from props). Vue holds back a parent's update while a lazily hydrated
 * child has not hydrated yet, so the child hydrates with the props the server rendered and is updated right after:
 * when `shown` changed between setup and mount, the markup was another state's (Back right after a reload), and what
 * it showed is that state, not the shopper's input (taking it wrote the old filter back into the address).
 * On a client-side render the elements do not exist yet at setup, so `read` finds nothing and this does nothing.
 */
export function useInputBeforeHydration<T>(read: () => T | null, apply: (early: T) => void, shown: () => unknown): void {
  const early = import.meta.client ? read() : null
  const drawn = early === null ? '' : JSON.stringify(shown())
  onMounted(() => {
    if (early !== null && JSON.stringify(shown()) === drawn) apply(early)
  })
}

/** The element with this id, if it is an input (the server-rendered one, during hydration). */
export function inputById(id: string): HTMLInputElement | null {
  const el = document.getElementById(id)
  return el instanceof HTMLInputElement ? el : null
}
