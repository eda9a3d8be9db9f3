import { getCurrentInstance, onMounted, ref, type Ref } from 'vue'

/**
 * A key for the root of a lazily hydrated component (`hydrate-on-idle`) whose markup depends on `shown`. Vue holds
 * back a parent's update while a lazily hydrated child has not hydrated yet, so the child hydrates with the props the
 * server rendered and is updated right after (useInputBeforeHydration). When `shown` changed in between (Back right
 * after a reload), the child hydrated over another state's markup: Vue patches no attributes while hydrating, and
 * parts whose own props did not change are not patched after either (the category links kept the other filters in
 * their addresses). Then the root is drawn anew, once. A component that hydrated over its own state, or was drawn in
 * the browser, keeps its root: no remount to take the shopper's focus.
 */
export function useRedrawAfterStaleHydration(shown: () => unknown): Ref<number> {
  const key = ref(0)
  // While hydrating, the component's element is the server's, before setup runs; null on a render in the browser.
  const drawn = import.meta.client && getCurrentInstance()?.vnode.el ? JSON.stringify(shown()) : null
  onMounted(() => {
    if (drawn !== null && JSON.stringify(shown()) !== drawn) key.value++
  })
  return key
}
