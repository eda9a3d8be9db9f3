import { LRUCache } from 'lru-cache'
import { sanitizeHtml } from '~/utils/html/sanitize'

export interface SanitizedHtmlOptions {
  /** Distinct inputs kept (default 1,000). */
  maxEntries?: number
  /** Characters kept, inputs and outputs together (default 4,000,000: at most ~8 MB of strings). */
  maxChars?: number
  /** Inputs longer than this are sanitized every time, never kept (default 100,000 characters). */
  maxEntryChars?: number
  /** The sanitizer being remembered (tests). */
  sanitize?: (html: string) => string
}

/**
 * utils/html/sanitize's `sanitizeHtml`, remembered per input. DOMPurify on jsdom builds a document for every call
 * (~1 ms of a product page render); a product viewed again (signed-in shoppers, who bypass the page cache; the
 * page cache refilling; the /api proxy handing the same product to browsers) now costs a lookup. It is a pure
 * function of its input, so an entry can only be read by a caller that already holds the exact markup it was made
 * from: nothing in it depends on, or tells anything about, who asked. One per server process
 * (server/plugins/backend.ts), bounded by entries and characters. A crawl of distinct products gains nothing.
 */
export function createSanitizedHtml(options: SanitizedHtmlOptions = {}): (html: string) => string {
  const sanitize = options.sanitize ?? sanitizeHtml
  const maxEntryChars = options.maxEntryChars ?? 100_000
  const kept = new LRUCache<string, string>({
    max: options.maxEntries ?? 1_000,
    maxSize: options.maxChars ?? 4_000_000,
    sizeCalculation: (clean, raw) => Math.max(1, raw.length + clean.length),
  })
  return (html) => {
    if (!html || html.length > maxEntryChars) return sanitize(html)
    let clean = kept.get(html)
    if (clean === undefined) {
      clean = sanitize(html)
      kept.set(html, clean)
    }
    return clean
  }
}
