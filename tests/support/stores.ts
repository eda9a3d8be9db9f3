import { createPinia, getActivePinia, setActivePinia, type Pinia } from 'pinia'

interface PiniaInternals extends Pinia {
  /** The app Pinia is installed on (set inside a Nuxt app); Nuxt's app hangs on it as `$nuxt`. */
  _a?: { $nuxt?: object }
  /** The stores created so far, by id. */
  _s: Map<string, { $dispose: () => void }>
}

/**
 * Every store starts empty, as on a new request: inside a Nuxt app (the nuxt project) the app's Pinia drops its
 * stores and state; elsewhere a new Pinia becomes the active one.
 */
export function freshStores(): void {
  // Outside a browser-like environment there is no app Pinia to reuse (and asking for one only logs a warning).
  const pinia = typeof window === 'undefined' ? undefined : getActivePinia() as PiniaInternals | undefined
  if (!pinia?._a) {
    setActivePinia(createPinia())
    return
  }
  for (const store of [...pinia._s.values()]) store.$dispose()
  pinia.state.value = {}
  // Handles the app creates on first use and that hold stores (composables/wishlist/wishlistAccess.ts): kept, the
  // next test's hearts and moves would go through the stores just disposed.
  if (pinia._a.$nuxt) Reflect.deleteProperty(pinia._a.$nuxt, '_wishlistAccess')
}
