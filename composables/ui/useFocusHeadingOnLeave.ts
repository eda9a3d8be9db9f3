import { nextTick, onBeforeUnmount, type Ref } from 'vue'
import { scriptFocusable } from './scriptFocus'

/**
 * For a part of the page that leaves once it has done its work (a load failure whose retry worked): with the focus
 * in it, the focus would fall to the start of the page. It goes to the nearest heading before it instead, the
 * heading of what took its place (the cart's "Your cart" over its reloaded lines).
 */
export function useFocusHeadingOnLeave(root: Ref<HTMLElement | null>): void {
  onBeforeUnmount(() => {
    const leaving = root.value
    const focused = document.activeElement
    if (!leaving || !focused || !leaving.contains(focused)) return
    const before = [...document.querySelectorAll<HTMLElement>('h1, h2, h3')]
      .filter(heading => heading.compareDocumentPosition(leaving) & Node.DOCUMENT_POSITION_FOLLOWING)
    const heading = before[before.length - 1]
    // After the render that removed it; a focus the shopper has put elsewhere meanwhile stays there.
    void nextTick(() => {
      if (document.activeElement && document.activeElement !== document.body) return
      // A heading that left with it (a product page's failure, heading and all, replaced by the product): the
      // page's heading now.
      if (heading) scriptFocusable(heading.isConnected ? heading : document.querySelector<HTMLElement>('main h1'))?.focus()
    })
  })
}
