// schema.org structured data as plain objects, and the one safe way to put them into HTML. The builders of
// the catalog's blocks are in structuredData.ts: every page serializes, only catalog pages build, and Rollup keeps
// a module whole in one chunk, so sharing a file put the builders in every page's first view.

export type JsonLd = Record<string, unknown>

/** JSON for a <script type="application/ld+json">: `<` cannot close the script, U+2028/9 cannot break it. */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

