import { categoryPath, productPath } from '../../utils/routes/catalogPaths'
import { HOME_PATH, PRODUCTS_PATH, SIGN_IN_PATH } from '../../utils/routes/paths'
import { searchPath } from '../../utils/routes/searchPaths'

/** The pages every measurement looks at, with a real product id taken from the running backend. */
export async function samplePages(webUrl: string): Promise<Record<string, string>> {
  const res = await fetch(`${webUrl}/api/products/?page_size=1`)
  if (!res.ok) throw new Error(`/api/products/ answered ${res.status}`)
  const body = await res.json() as { results: { id: number, slug: string }[] }
  const product = body.results[0]
  if (!product) throw new Error('the backend has no products')
  return {
    '/': HOME_PATH,
    '/products': PRODUCTS_PATH,
    'product page': productPath(product),
  }
}

export const SEARCH_PAGE = searchPath('headphones')

/** samplePages plus the other kinds of first view a shopper lands on: what the JS budgets cover. */
export async function weightPages(webUrl: string): Promise<Record<string, string>> {
  const res = await fetch(`${webUrl}/api/categories/`)
  if (!res.ok) throw new Error(`/api/categories/ answered ${res.status}`)
  const categories = await res.json() as { slug: string }[]
  const category = categories[0]
  if (!category) throw new Error('the backend has no categories')
  return {
    ...await samplePages(webUrl),
    'category page': categoryPath(category.slug),
    'search': SEARCH_PAGE,
    'sign-in': SIGN_IN_PATH,
  }
}
