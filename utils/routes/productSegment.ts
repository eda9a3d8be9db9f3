import { PRODUCTS_PATH } from './paths'

// Reading the `{id}-{slug}` segment of /products/{id}-{slug} (paths.ts productSegment writes it). Apart from
// paths.ts so only the product page carries it.

/** "123-blue-mug" -> { id: 123, slug: 'blue-mug' }; "123" -> slug ''; anything else -> null. */
export function parseProductSegment(segment: string): { id: number, slug: string } | null {
  const match = /^(\d+)(?:-(.*))?$/.exec(segment)
  if (!match) return null
  const id = Number(match[1])
  return Number.isSafeInteger(id) && id > 0 ? { id, slug: match[2] ?? '' } : null
}

/** The product id in a product page path or URL ("/products/12-blue-mug" -> 12); null for any other page. */
export function productIdFromPath(pathOrUrl: string): number | null {
  const path = pathOrUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? ''
  if (!path.startsWith(`${PRODUCTS_PATH}/`)) return null
  try {
    return parseProductSegment(decodeURIComponent(path.slice(PRODUCTS_PATH.length + 1)))?.id ?? null
  }
  catch {
    return null
  }
}
