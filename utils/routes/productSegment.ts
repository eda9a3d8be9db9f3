// Reading the `{id}-{slug}` segment of /products/{id}-{slug} (catalogPaths.productSegment writes it). Apart from
// catalogPaths.ts so only the product page carries it.

/** "123-blue-mug" -> { id: 123, slug: 'blue-mug' }; "123" -> slug ''; anything else -> null. */
export function parseProductSegment(segment: string): { id: number, slug: string } | null {
  const match = /^(\d+)(?:-(.*))?$/.exec(segment)
  if (!match) return null
  const id = Number(match[1])
  return Number.isSafeInteger(id) && id > 0 ? { id, slug: match[2] ?? '' } : null
}
