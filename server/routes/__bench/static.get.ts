import { createError, defineEventHandler, getQuery, setResponseHeader } from 'h3'

// Upper bound for ?bytes=: larger than any page we render, small enough that a stray request costs nothing.
const MAX_BYTES = 2 * 1024 * 1024
const HEAD = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bench baseline</title></head><body><p>'
const TAIL = '</p></body></html>'

/**
 * `npm run bench` baseline: static HTML of a requested size (`?bytes=`) through the same Nitro stack as a
 * page (middleware, security headers) but without rendering, so SSR throughput can be given as a ratio to
 * it in the same run. Exists only in a server started with NUXT_BENCH=1; everywhere else it is a 404.
 */
export default defineEventHandler((event) => {
  if (process.env.NUXT_BENCH !== '1') throw createError({ statusCode: 404, statusMessage: 'Not Found' })
  const bytes = Number(getQuery(event).bytes ?? 0)
  if (!Number.isInteger(bytes) || bytes < 0 || bytes > MAX_BYTES) throw createError({ statusCode: 400, statusMessage: 'bytes must be an integer in [0, 2 MiB]' })
  setResponseHeader(event, 'content-type', 'text/html; charset=utf-8')
  setResponseHeader(event, 'cache-control', 'no-store')
  // ASCII filler, so characters and bytes are the same count.
  return HEAD + 'x'.repeat(Math.max(0, bytes - HEAD.length - TAIL.length)) + TAIL
})
