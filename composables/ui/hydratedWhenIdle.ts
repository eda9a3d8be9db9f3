import { defineAsyncComponent, hydrateOnIdle, type Component } from 'vue'

/**
 * `component`, hydrated in an idle callback of its own instead of with its parent. For lists of mostly static items
 * (product cards: a link, an image, text, and a heart): a parent hydrating 24 of them at once was one long task on
 * a phone; one short task per item leaves the main thread free in between (issue 21). On the server it is the
 * component itself: no wrapper to render, and the same HTML. Renders in the browser after hydration (a next page, a
 * recycled row) draw the component at once: its loader resolves on first use, before any idle callback runs.
 * Call it once per component, at module level (components/product/ProductCardWhenIdle.ts), so that every list
 * shares one definition and one resolved loader.
 */
export function hydratedWhenIdle<T extends Component>(component: T): T {
  if (import.meta.server) return component
  return defineAsyncComponent({ loader: () => Promise.resolve(component), hydrate: hydrateOnIdle() }) as T
}
