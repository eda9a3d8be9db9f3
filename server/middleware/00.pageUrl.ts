import { createError, defineEventHandler, sendRedirect } from 'h3'
import { isPagePath } from '../utils/pageCache/policy'
import { pageRedirect } from '../utils/pages/pageRedirect'
import { pageUrlProblem } from '../utils/pages/pageUrl'

const MESSAGES = { 400: 'Bad Request', 404: 'Page Not Found', 414: 'URI Too Long' } as const

// A page URL that cannot be a page is answered here (error.vue renders it), before the page cache or the renderer
// sees it: no render, no backend call, no cache entry per junk URL. One that names a page by another spelling
// (`/Orders/7`, `/products?category=mugs`) is sent to that page's own URL, so the guards, the page cache and
// crawlers only ever see one address per page.
export default defineEventHandler((event) => {
  if (event.method !== 'GET' && event.method !== 'HEAD') return
  const pathname = event.path.split('?')[0] ?? '/'
  if (pathname.startsWith('/api/') || pathname.startsWith('/_nuxt/') || !isPagePath(pathname)) return
  const problem = pageUrlProblem(event.path)
  if (problem) throw createError({ statusCode: problem, statusMessage: MESSAGES[problem] })
  // As the client sent it: h3 hands `event.path` over percent-decoded, and a redirect must keep a slug's encoding.
  const target = pageRedirect(event.node.req.originalUrl ?? event.node.req.url ?? event.path)
  if (target) return sendRedirect(event, target, 301)
})
