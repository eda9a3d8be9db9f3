import { Window } from 'happy-dom'

/** Server HTML parsed without running any script: what a crawler that does not execute JavaScript sees. */
export function parseHtml(html: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } })
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document
}

export function metaContent(doc: Document, key: string): string | null {
  const element = doc.querySelector(`meta[name="${key}"], meta[property="${key}"]`)
  return element?.getAttribute('content') ?? null
}

export function linkHref(doc: Document, rel: string): string | null {
  return doc.querySelector(`link[rel="${rel}"]`)?.getAttribute('href') ?? null
}

/** Every JSON-LD block, parsed (a block that does not parse fails the test). */
export function jsonLdBlocks(doc: Document): Array<Record<string, unknown>> {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].flatMap((script) => {
    const data = JSON.parse(script.textContent ?? '') as Record<string, unknown> | Array<Record<string, unknown>>
    return Array.isArray(data) ? data : [data]
  })
}

export function jsonLdOfType(doc: Document, type: string): Record<string, unknown> {
  const block = jsonLdBlocks(doc).find(data => data['@type'] === type)
  if (!block) throw new Error(`no JSON-LD ${type} block`)
  return block
}

/** Absolute URLs of every <a href> on the page (fragments dropped). */
export function anchorUrls(doc: Document, base: string): string[] {
  return [...doc.querySelectorAll('a[href]')].flatMap((anchor) => {
    try {
      const url = new URL(anchor.getAttribute('href') ?? '', base)
      url.hash = ''
      return [url.href]
    }
    catch {
      return []
    }
  })
}
