import { h, useSSRContext, type VNode } from 'vue'
import { heartLabel } from './useWishlistHeart'
import type { WishlistProduct } from './wishlistAccess'

/**
 * WishlistHeart's module as Nuxt names it (relative to the root): a server render inlines the styles of the modules
 * it used into the page's head, and a heart written here must bring the component's styles along.
 */
export const WISHLIST_HEART_MODULE = 'components/wishlist/WishlistHeart.vue'

/**
 * Server only: the `<button>` WishlistHeart renders on the server, as an element. On the server every heart shows
 * unpressed (the wishlist starts in the browser, useWishlistHeart), so a card's heart is markup, not a component
 * instance with its computed refs: a listing has 24 of them (issue 20, docs/benchmarks.md "Fourth pass").
 * Hydration matches elements, so the browser's WishlistHeart takes the button over.
 */
export function serverHeart(product: WishlistProduct, overlay: boolean): VNode {
  const context = useSSRContext()
  if (context) (context.modules ??= new Set<string>()).add(WISHLIST_HEART_MODULE)
  return h('button', {
    'type': 'button',
    'class': overlay ? 'wishlist-heart wishlist-heart--overlay' : 'wishlist-heart',
    'aria-pressed': false,
    'aria-label': heartLabel(product.title),
    'data-early-tap': '',
  }, [h('span', { 'class': 'wishlist-heart-icon', 'aria-hidden': 'true' })])
}
