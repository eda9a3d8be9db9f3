import type { Catalog } from './pageKinds'

interface ProductDto { id: number, slug: string, title: string, category: { slug: string } }

/** The catalog facts the page-kind table needs, read from the demo API as a client would. */
export async function discoverCatalog(apiBase: string): Promise<Catalog> {
  const page = await (await fetch(`${apiBase}/products/?page_size=5&ordering=-rating`)).json() as { results: ProductDto[] }
  const product = page.results[0]
  if (!product) throw new Error('the demo catalog is empty')
  return {
    product: { id: product.id, slug: product.slug },
    categorySlug: product.category.slug,
    searchWord: product.title.split(' ').at(-1)!.toLowerCase(),
  }
}
