import { createError, defineEventHandler, getQuery, setResponseHeader } from 'h3'
import { useNitroApp } from 'nitropack/runtime'

// Upper bound for ?bytes=: larger than any page we render, small enough that a stray request costs nothing.
const MAX_BYTES = 2 * 1024 * 1024
const HEAD = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bench baseline</title></head><body><p>'
const TAIL = '</p></body></html>'
// ?like=<page>: that page's shared HTML, fetched once per process. Bench servers only (NUXT_BENCH=1).
const pages = new Map<string, Promise<string>>()

async function pageHtml(path: string): Promise<string> {
  let html = pages.get(path)
  if (!html) {
    html = useNitroApp().localFetch(path, { headers: { accept: 'text/html' } }).then(response => response.text())
    pages.set(path, html)
  }
  return html
}

/**
 * `npm run bench` baseline: static HTML through the same Nitro stack as a page (middleware, security headers)
 * but without rendering or the page cache, so SSR throughput can be given as a ratio to it in the same run.
 * `?like=/products`: the page's own bytes, so the load generator reads the same content either way (autocannon
 * decodes every body into a string: a page with non-ASCII characters costs it several times what ASCII filler
 * does). `?bytes=N`: ASCII filler of that size (what older builds serve). A 404 unless the process has NUXT_BENCH=1.
 */
export default defineEventHandler(async (event) => {
  if (process.env.NUXT_BENCH !== '1') throw createError({ statusCode: 404, statusMessage: 'Not Found' })
  const { bytes: bytesParam, like } = getQuery(event)
  setResponseHeader(event, 'content-type', 'text/html; charset=utf-8')
  setResponseHeader(event, 'cache-control', 'no-store')
  if (typeof like === 'string' && like.startsWith('/') && !like.startsWith('//')) return pageHtml(like)
  const bytes = Number(bytesParam ?? 0)
  if (!Number.isInteger(bytes) || bytes < 0 || bytes > MAX_BYTES) throw createError({ statusCode: 400, statusMessage: 'bytes must be an integer in [0, 2 MiB]' })
  // ASCII filler, so characters and bytes are the same count.
  return HEAD + 'x'.repeat(Math.max(0, bytes - HEAD.length - TAIL.length)) + TAIL
})
