import { createHash } from 'node:crypto'

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi
// Data blocks are never executed, so CSP does not govern them (the Nuxt payload, JSON-LD).
const DATA_TYPE = /\btype\s*=\s*["']?application\/(?:ld\+)?json/i
const HAS_SRC = /\bsrc\s*=/i

/**
 * CSP source expressions ('sha256-...') for every executable inline script in the given HTML chunks.
 * Hashes instead of a nonce: a hash describes the content, so a cached page and its cached header stay
 * valid for everyone they are served to, while a nonce repeated from a cache would be public.
 */
export function inlineScriptHashes(chunks: readonly string[]): string[] {
  const hashes = new Set<string>()
  for (const chunk of chunks) {
    for (const [, attributes = '', content = ''] of chunk.matchAll(SCRIPT)) {
      if (HAS_SRC.test(attributes) || DATA_TYPE.test(attributes) || content === '') continue
      hashes.add(`'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`)
    }
  }
  return [...hashes]
}

/** The chunks of a rendered page that the server writes itself (Nitro's `render:html` context). */
export interface ServerWrittenChunks {
  /** Head tags: the app's loader, the early-taps script, unhead's tags. */
  head: readonly string[]
  /** Body-end tags: the payload. */
  bodyAppend: readonly string[]
}

/**
 * The hashes a page's CSP allows: of the scripts in the head and at the end of the body only. `body` and
 * `bodyPrepend` carry the app's markup and teleports, where a script can only have come from content (a
 * description that got past the sanitizer): hashing those would allow exactly what the CSP is there to stop.
 */
export function pageScriptHashes(html: ServerWrittenChunks): string[] {
  return inlineScriptHashes([...html.head, ...html.bodyAppend])
}

/** The origin of an absolute URL, or null (a relative apiBase has no origin of its own to allow). */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  }
  catch {
    return null
  }
}
