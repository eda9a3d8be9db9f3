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

/** The origin of an absolute URL, or null (a relative apiBase has no origin of its own to allow). */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  }
  catch {
    return null
  }
}
