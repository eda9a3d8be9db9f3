import { parse } from 'parse5'
import { appLoaderScript, EARLY_TAPS_SCRIPT, readAppLoader } from '~/server/utils/html/beforeHydration'
import { CHUNK_RETRY_SCRIPT } from '~/server/utils/html/chunkRetry'

/** An element as the audit sees it: from parse5 (server HTML) or from a live page (serializedDom). */
export interface AuditNode {
  tag: string
  attrs: Array<[string, string]>
  /** Text of a script or style element. */
  text?: string
  children: AuditNode[]
}

// Elements the storefront never renders: any of them in a page came from content or input.
const FOREIGN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal'])
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'cite', 'srcset'])
// After removing what browsers ignore inside a URL (whitespace, controls), these schemes run code or make documents.
const EXECUTABLE_URL = /^(?:javascript|vbscript|data:text\/html|data:application|data:text\/xml|data:image\/svg\+xml[^,]*,[\s\S]*<script)/i
// eslint-disable-next-line no-control-regex
const IGNORED_IN_URLS = /[\u0000-\u0020\u007f-\u009f]/g
// Nuxt's own scripts: module entry (same origin), its JSON payload and our JSON-LD, and the inline config bootstrap;
// ours: the app loader and the early-tap keeper (server/utils/html/beforeHydration.ts) and the chunk retry
// (chunkRetry.ts), exactly as written there.
const DATA_SCRIPT_TYPES = new Set(['application/json', 'application/ld+json'])

/** The storefront's own inline scripts, exactly as it writes them, loading only its own files. */
function isOwnInlineScript(text: string): boolean {
  if (text === EARLY_TAPS_SCRIPT || text === CHUNK_RETRY_SCRIPT) return true
  const loader = readAppLoader(text)
  if (!loader) return false
  if (![loader.entry, ...loader.preloads.map(preload => preload.href)].every(file => file.startsWith('/_nuxt/'))) return false
  return text === appLoaderScript(loader.entry, loader.preloads)
}

function attr(node: AuditNode, name: string): string | undefined {
  return node.attrs.find(([n]) => n === name)?.[1]
}

function checkScript(node: AuditNode, findings: string[]): void {
  const type = attr(node, 'type')?.toLowerCase()
  const src = attr(node, 'src')
  if (src !== undefined) {
    if (!src.startsWith('/_nuxt/')) findings.push(`script from ${src}`)
    return
  }
  const text = node.text ?? ''
  if (type && DATA_SCRIPT_TYPES.has(type)) {
    // A payload that broke out of the JSON leaves it unparseable (the rest became markup).
    try {
      JSON.parse(text)
    }
    catch {
      findings.push(`${type} script that is not JSON: ${text.slice(0, 80)}`)
    }
    return
  }
  if (!text.trimStart().startsWith('window.__NUXT__') && !isOwnInlineScript(text)) findings.push(`inline script: ${text.slice(0, 80)}`)
}

function checkAttributes(node: AuditNode, findings: string[]): void {
  for (const [name, value] of node.attrs) {
    const lower = name.toLowerCase()
    if (lower.startsWith('on')) findings.push(`<${node.tag} ${name}="${value.slice(0, 60)}">`)
    else if (lower === 'srcdoc') findings.push(`<${node.tag} srcdoc>`)
    else if (URL_ATTRIBUTES.has(lower) && EXECUTABLE_URL.test(value.replace(IGNORED_IN_URLS, ''))) findings.push(`<${node.tag} ${name}="${value.slice(0, 60)}">`)
    else if (lower === 'style' && /javascript:|expression\(|url\(\s*['"]?\s*javascript/i.test(value)) findings.push(`<${node.tag} style="${value.slice(0, 60)}">`)
  }
  if (node.tag === 'a') {
    const href = (attr(node, 'href') ?? '').replace(IGNORED_IN_URLS, '')
    // Browsers read both as another host: a link out of the shop disguised as a path on it.
    if (/^\/[/\\]/.test(href)) findings.push(`<a href="${href.slice(0, 60)}"> (another host)`)
  }
}

/**
 * What in a rendered page could run code or lead out of the shop that the storefront did not put there itself:
 * foreign elements (iframe, object, embed, base), scripts other than Nuxt's, event-handler attributes (the CSP
 * forbids them, and the app has none), executable URLs, `meta refresh`, scriptable styles. Empty: clean.
 */
export function auditTree(root: AuditNode): string[] {
  const findings: string[] = []
  const visit = (node: AuditNode): void => {
    if (FOREIGN_ELEMENTS.has(node.tag)) findings.push(`<${node.tag}>`)
    if (node.tag === 'script') checkScript(node, findings)
    // Nuxt's own server-side redirect page carries one to the (same-site) location; any other is injected.
    if (node.tag === 'meta' && attr(node, 'http-equiv')?.toLowerCase() === 'refresh' && !/^\d+;\s*url=\/(?![/\\])/i.test(attr(node, 'content') ?? '')) {
      findings.push(`<meta http-equiv=refresh content="${(attr(node, 'content') ?? '').slice(0, 60)}">`)
    }
    if (node.tag === 'style' && /javascript:|@import|expression\(/i.test(node.text ?? '')) findings.push(`<style>${(node.text ?? '').slice(0, 60)}`)
    checkAttributes(node, findings)
    node.children.forEach(visit)
  }
  visit(root)
  return findings
}

interface Parse5Node {
  nodeName: string
  tagName?: string
  attrs?: Array<{ name: string, value: string, prefix?: string }>
  childNodes?: Parse5Node[]
  content?: Parse5Node
  value?: string
}

function fromParse5(node: Parse5Node): AuditNode {
  const children = [...node.childNodes ?? [], ...node.content?.childNodes ?? []]
  const tag = (node.tagName ?? node.nodeName).toLowerCase()
  return {
    tag,
    attrs: (node.attrs ?? []).map(a => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value]),
    text: tag === 'script' || tag === 'style' ? children.map(c => c.value ?? '').join('') : undefined,
    children: children.filter(c => c.tagName !== undefined || c.nodeName === '#document-fragment').map(fromParse5),
  }
}

/** The audit over server HTML, parsed as a browser would (parse5 follows the HTML standard's parser). */
export function auditHtml(html: string): string[] {
  return auditTree(fromParse5(parse(html) as unknown as Parse5Node))
}

/**
 * For `page.evaluate`: the live document as AuditNodes (self-contained: Playwright sends its source to the page).
 * The audit then runs here, on what the browser built after hydration and every client-side render.
 */
export function serializedDom(): AuditNode {
  const walk = (element: Element): AuditNode => {
    const tag = element.localName
    const children = tag === 'template' ? [...(element as HTMLTemplateElement).content.children] : [...element.children]
    return {
      tag,
      attrs: [...element.attributes].map(a => [a.name, a.value] as [string, string]),
      text: tag === 'script' || tag === 'style' ? element.textContent ?? '' : undefined,
      children: children.map(walk),
    }
  }
  return walk(document.documentElement)
}

/** Signs that a server error's internals reached the shopper. */
export const LEAKED_INTERNALS = /\bat [\w.<>]+ \(|node_modules|\.output\/server|TypeError|ReferenceError|ECONNRESET|ECONNREFUSED|UND_ERR|127\.0\.0\.1:\d+\/api\/(?!media\/)|stack":/

interface TextNode { nodeName: string, value?: string, childNodes?: TextNode[], content?: TextNode }

/** The text a shopper reads in a page (scripts, styles and templates left out), whitespace collapsed. */
export function visibleText(html: string): string {
  const parts: string[] = []
  const walk = (node: TextNode): void => {
    if (node.nodeName === '#text') parts.push(node.value ?? '')
    if (['script', 'style', 'template', 'noscript'].includes(node.nodeName)) return
    node.childNodes?.forEach(walk)
  }
  walk(parse(html) as unknown as TextNode)
  return parts.join('').replace(/\s+/g, ' ')
}
