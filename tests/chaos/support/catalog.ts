import type { CatalogBasics } from './pageKinds'

interface ProductDto { id: number, slug: string, title: string, category: { slug: string }, has_variants?: boolean, in_stock?: boolean }

/** The catalog facts the page-kind table needs, read from the demo API as a client would. */
export async function discoverCatalog(apiBase: string): Promise<CatalogBasics> {
  const page = await (await fetch(`${apiBase}/products/?page_size=24&ordering=-rating`)).json() as { results: ProductDto[] }
  const product = page.results[0]
  // One that goes into a cart as it is (no size or colour to choose).
  const plain = page.results.find(p => p.has_variants === false && p.in_stock !== false)
  if (!product || !plain) throw new Error('the demo catalog has no product to put in a cart')
  return {
    product: { id: product.id, slug: product.slug },
    plainProductId: plain.id,
    categorySlug: product.category.slug,
    searchWord: product.title.split(' ').at(-1)!.toLowerCase(),
  }
}
