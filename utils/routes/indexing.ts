import { routeAccess } from './policy'

// Apart from policy.ts, which the guards put into every page's entry chunk: only pages with SEO metadata need this.

/** Whether search engines may index the page (the robots meta tag says noindex otherwise). */
export function isIndexable(path: string): boolean {
  return routeAccess(path) === 'public'
}
