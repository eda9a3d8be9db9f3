import { categoryPath, CHECKOUT_PATH, HOME_PATH, ORDERS_PATH, productPath, PRODUCTS_PATH, SIGN_IN_PATH } from '../../utils/routes/paths'
import { DEMO_USER_EMAIL, DEMO_USER_PASSWORD } from '../../tests/mocks/seed/constants'
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

/** Pages only a signed-in shopper sees (protected by the route policy): measured with the demo user's session. */
export const SIGNED_IN_PAGES: Readonly<Record<string, string>> = { checkout: CHECKOUT_PATH, orders: ORDERS_PATH }

/** A signed-in session on the storefront: the refresh cookie the BFF sets, for page requests. */
export async function signedInCookie(webUrl: string): Promise<string> {
  const res = await fetch(`${webUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'origin': webUrl, 'x-requested-with': 'storefront' },
    body: JSON.stringify({ email: DEMO_USER_EMAIL, password: DEMO_USER_PASSWORD }),
  })
  if (!res.ok) throw new Error(`sign-in answered ${res.status}`)
  const cookie = res.headers.getSetCookie().map(c => c.split(';')[0]).find(c => c?.startsWith('sf_refresh='))
  if (!cookie) throw new Error('sign-in set no refresh cookie')
  return cookie
}
