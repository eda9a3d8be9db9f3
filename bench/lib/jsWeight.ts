import { readFile } from 'node:fs/promises'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import { readAppLoader } from '../../server/utils/html/beforeHydration'

export interface AssetWeight {
  /** Gzip bytes of the JavaScript the first view loads: entry, page chunk and their static imports. */
  jsGzip: number
  jsRaw: number
  cssGzip: number
  /** Gzip bytes of the CSS inlined in the HTML (<style>): Nuxt inlines component and global styles in production. */
  inlineCssGzip: number
  files: string[]
}

const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+\.m?js)"/g
const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"|<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g
// The app loader that replaces them (server/utils/html/beforeHydration.ts) names the same files in an inline script.
const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g
const STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+\.css)"|<link\b[^>]*\bhref="([^"]+\.css)"[^>]*\brel="stylesheet"/g
const STYLE_TAG = /<style\b[^>]*>([\s\S]*?)<\/style>/g
// Static imports in Vite's minified chunks: `import"./a.js"`, `from"./b.js"`. Dynamic import("./c.js") is lazy: not counted.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.m?js)["']/g

function matches(re: RegExp, text: string): string[] {
  return [...text.matchAll(re)].map(m => m[1] ?? m[2]).filter((s): s is string => !!s)
}

function publicPath(url: string): string | null {
  const path = url.startsWith('http') ? new URL(url).pathname : url
  return path.startsWith('/_nuxt/') ? path : null
}

/** Reads the page's script and preload tags (or the app loader's list), follows static imports in the built files, and gzips each once. */
export async function measureAssetWeight(html: string, publicDir = '.output/public'): Promise<AssetWeight> {
  const loaderFiles = matches(INLINE_SCRIPT, html).flatMap((script) => {
    const loader = readAppLoader(script)
    return loader ? [loader.entry, ...loader.preloads.map(preload => preload.href)] : []
  })
  const queue = [...matches(SCRIPT_SRC, html), ...matches(MODULE_PRELOAD, html), ...loaderFiles].map(publicPath).filter((p): p is string => !!p)
  const seen = new Set<string>()
  let jsGzip = 0
  let jsRaw = 0
  while (queue.length) {
    const file = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    const source = await readFile(join(publicDir, file))
    jsRaw += source.byteLength
    jsGzip += gzipSync(source, { level: 9 }).byteLength
    for (const spec of matches(STATIC_IMPORT, source.toString('utf8'))) queue.push(posix.join(posix.dirname(file), spec))
  }
  let cssGzip = 0
  for (const href of new Set(matches(STYLESHEET, html).map(publicPath).filter((p): p is string => !!p))) {
    cssGzip += gzipSync(await readFile(join(publicDir, href)), { level: 9 }).byteLength
  }
  const inlineCss = matches(STYLE_TAG, html).join('\n')
  const inlineCssGzip = inlineCss ? gzipSync(inlineCss, { level: 9 }).byteLength : 0
  return { jsGzip, jsRaw, cssGzip, inlineCssGzip, files: [...seen] }
}
