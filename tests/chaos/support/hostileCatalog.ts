import type { ChaosStack } from './stack'

/** Which product, brand and category carries which payload after `seedHostileCatalog`. */
export interface HostileCatalog {
  /** products[i] carries payloads[i] in every product field (title, slug, description, image, review, attribute). */
  products: Array<{ id: number, payload: string }>
  /** Carries every payload at once in its description, newest review and attributes. */
  sink: { id: number }
  brands: Array<{ slug: string, payload: string }>
  categories: Array<{ slug: string, payload: string }>
  /** Payloads no category could take in the first round (there are fewer categories than payloads). */
  categoryOverflow: string[]
  /** How many (payload, field) pairs went in. */
  placements: number
}

export const PRODUCT_FIELDS = ['title', 'slug', 'description_html', 'image_url', 'image_alt', 'review title', 'review body', 'review author', 'attribute name', 'attribute value'] as const

interface Listed { id: number, brand: { slug: string } }

async function listed(apiBase: string, query: string): Promise<Listed[]> {
  const page = await (await fetch(`${apiBase}/products/?page_size=24&${query}`)).json() as { results: Listed[] }
  return page.results
}

/**
 * Puts the corpus into the demo catalog through `POST /__content/`: one payload per product (the products on the
 * first page of each listing order, so listings show them), every payload in one "sink" product's long fields, one
 * payload per brand and per category name.
 */
export async function seedHostileCatalog(stack: ChaosStack, payloads: readonly string[]): Promise<HostileCatalog> {
  const ids: number[] = []
  for (const ordering of ['-created_at', '-rating', 'price', '-price', 'title']) {
    for (const product of await listed(stack.api.url, `ordering=${ordering}`)) if (!ids.includes(product.id)) ids.push(product.id)
  }
  const all = await (await fetch(`${stack.api.url}/categories/`)).json() as Array<{ slug: string }>
  const facets = await (await fetch(`${stack.api.url}/products/facets/`)).json() as { brands: Array<{ slug: string }> }
  if (ids.length < payloads.length + 1) throw new Error(`only ${ids.length} products on the listings' first pages`)

  const products = payloads.map((payload, i) => ({ id: ids[i]!, payload }))
  const sink = { id: ids[payloads.length]! }
  const brands = facets.brands.slice(0, payloads.length).map((brand, i) => ({ slug: brand.slug, payload: payloads[i]! }))
  const categories = all.slice(0, payloads.length).map((category, i) => ({ slug: category.slug, payload: payloads[i]! }))
  const joined = payloads.map(p => `<p>${p}</p>`).join('\n')
  await stack.content({
    products: [
      ...products.map(({ id, payload }) => ({
        id, title: payload, slug: payload, description_html: payload, image_url: payload, image_alt: payload,
        review: { title: payload, body: payload, author_name: payload }, attributes: { [payload]: payload },
      })),
      {
        id: sink.id, description_html: joined, review: { title: payloads.join(' '), body: payloads.join('\n'), author_name: payloads.slice(0, 3).join(' ') },
        attributes: Object.fromEntries(payloads.map((p, i) => [`${p} ${i}`, p])),
      },
    ],
    brands: brands.map(({ slug, payload }) => ({ slug, name: payload })),
    categories: categories.map(({ slug, payload }) => ({ slug, name: payload })),
  })
  return {
    products,
    sink,
    brands,
    categories,
    categoryOverflow: payloads.slice(categories.length),
    placements: products.length * PRODUCT_FIELDS.length + brands.length + categories.length,
  }
}
