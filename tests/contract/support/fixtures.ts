import type { CartDto, CursorPageDto, ProductDetailDto, ProductSummaryDto, TokenPairDto, UserDto } from '../../../services/dto'
import type { ContractClient } from './http'

// Fixtures are discovered through the API, never assumed, so the suite also runs against a real backend.

export interface SignedInUser {
  email: string
  password: string
  user: UserDto
  tokens: TokenPairDto
}

let sequence = 0

export function uniqueEmail(): string {
  sequence += 1
  return `contract-${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}-${sequence}@example.com`
}

export async function registerAndSignIn(client: ContractClient): Promise<SignedInUser> {
  const email = uniqueEmail()
  const password = `Contract-${crypto.randomUUID()}`
  const registered = await client.call<UserDto>('/auth/register/', { method: 'POST', body: { email, password, first_name: 'Contract', last_name: 'Test' } })
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${registered.text}`)
  const tokens = await client.call<TokenPairDto>('/auth/token/', { method: 'POST', body: { email, password } })
  if (tokens.status !== 200) throw new Error(`token: ${tokens.status} ${tokens.text}`)
  return { email, password, user: registered.body, tokens: tokens.body }
}

export async function listProducts(client: ContractClient, query: string): Promise<CursorPageDto<ProductSummaryDto>> {
  const response = await client.call<CursorPageDto<ProductSummaryDto>>(`/products/?${query}`)
  if (response.status !== 200) throw new Error(`GET /products/?${query}: ${response.status} ${response.text}`)
  return response.body
}

export async function productDetail(client: ContractClient, id: number): Promise<ProductDetailDto> {
  const response = await client.call<ProductDetailDto>(`/products/${id}/`)
  if (response.status !== 200) throw new Error(`GET /products/${id}/: ${response.status}`)
  return response.body
}

/** First in-stock product (scanning the newest) whose detail satisfies `accept`. */
export async function findProduct(client: ContractClient, accept: (p: ProductDetailDto) => boolean, query = 'in_stock=true&page_size=100'): Promise<ProductDetailDto> {
  let url: string | null = `/products/?${query}`
  for (let pages = 0; url && pages < 20; pages++) {
    const page: CursorPageDto<ProductSummaryDto> = (await client.call<CursorPageDto<ProductSummaryDto>>(url)).body
    for (const summary of page.results) {
      const detail = await productDetail(client, summary.id)
      if (accept(detail)) return detail
    }
    url = page.next
  }
  throw new Error('No product matches the fixture condition')
}

/** A simple product: no variants, enough stock for `quantity`. */
export function simpleProduct(client: ContractClient, minStock = 2): Promise<ProductDetailDto> {
  return findProduct(client, p => p.variants.length === 0 && p.stock >= minStock)
}

export async function addToCart(client: ContractClient, item: { product_id: number, quantity: number, variant_id?: number }, auth: { token?: string, cartToken?: string }): Promise<CartDto> {
  const headers: Record<string, string> = auth.cartToken ? { 'X-Cart-Token': auth.cartToken } : {}
  const response = await client.call<CartDto>('/cart/items/', { method: 'POST', body: item, token: auth.token, headers })
  if (response.status !== 201) throw new Error(`POST /cart/items/: ${response.status} ${response.text}`)
  return response.body
}

export const ADDRESS = { full_name: 'Ada Lovelace', line1: '12 Analytical Way', line2: '', city: 'London', postal_code: 'N1 9GU', country: 'GB', phone: '+44 20 7946 0000' }
