// A category, brand or product slug: DRF's SlugField (allow_unicode) characters. Apart so the paths module and the
// listing URL schema share it without one carrying the other.
const SLUG = /^[\p{L}\p{N}_-]{1,100}$/u

/** Whether a value can be a slug at all; anything else never goes into a path we build or a query we send. */
export function isSlug(value: string): boolean {
  return SLUG.test(value)
}
