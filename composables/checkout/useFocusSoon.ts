import { nextTick, ref, watch } from 'vue'

export interface UseFocusSoonReturn {
  /** Focuses the element with this id once the DOM has updated (or when it mounts and claims it). */
  focusSoon: (id: string) => void
  /** For an element mounted after it was meant to take the focus (the notice, said before the steps loaded). */
  claimFocus: (id: string) => void
}

/** Moving the focus to an element that a state change is about to show. */
export function useFocusSoon(): UseFocusSoonReturn {
  const pendingFocus = ref<string | null>(null)

  const focusSoon = (id: string) => {
    pendingFocus.value = id
  }
  watch(pendingFocus, async (id) => {
    if (!id) return
    await nextTick()
    const target = document.getElementById(id)
    // Not on the page yet (a notice said while the steps' chunk loads): the element claims it when it mounts.
    if (!target) return
    target.focus({ focusVisible: true })
    pendingFocus.value = null
  }, { flush: 'post' })
  function claimFocus(id: string): void {
    if (pendingFocus.value !== id) return
    document.getElementById(id)?.focus({ focusVisible: true })
    pendingFocus.value = null
  }

  return { focusSoon, claimFocus }
}
