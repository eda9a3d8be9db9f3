import { createError, defineEventHandler } from 'h3'
import { isPagePath } from '../utils/pageCache/policy'
import { pageUrlProblem } from '../utils/pages/pageUrl'

const MESSAGES = { 400: 'Bad Request', 404: 'Page Not Found', 414: 'URI Too Long' } as const

// A page URL that cannot be a page is answered here (error.vue renders it), before the page cache or the renderer
// sees it: no render, no backend call, no cache entry per junk URL.
export default defineEventHandler((event) => {
  if (event.method !== 'GET' && event.method !== 'HEAD') return
  const pathname = event.path.split('?')[0] ?? '/'
  if (pathname.startsWith('/api/') || pathname.startsWith('/_nuxt/') || !isPagePath(pathname)) return
  const problem = pageUrlProblem(event.path)
  if (problem) throw createError({ statusCode: problem, statusMessage: MESSAGES[problem] })
})
