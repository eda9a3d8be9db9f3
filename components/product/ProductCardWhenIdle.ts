import { hydratedWhenIdle } from '~/composables/ui/hydratedWhenIdle'
import ProductCard from './ProductCard.vue'

/**
 * ProductCard for lists (the listings' grid, home's best rated, a product page's related products): each card
 * hydrates in an idle callback of its own, after its list (composables/ui/hydratedWhenIdle.ts). On the server it is
 * ProductCard itself. One definition for every list, so its loader resolves once.
 */
export default hydratedWhenIdle(ProductCard)
