import type { SuggestionDto } from '../dto'
import type { ProductSummary } from '../domain/product'
import type { Suggestion } from '../domain/search'

/**
 * Wire suggestions -> domain. Entries that break the contract (a product without id/slug, a category without
 * slug, an unknown type, empty text) are dropped rather than rendered as dead links.
 * `known` supplies thumbnail and price for product entries, since the suggest DTO carries neither.
 */
export function toSuggestions(dtos: readonly SuggestionDto[], known: (id: number) => ProductSummary | undefined = () => undefined): Suggestion[] {
  const out: Suggestion[] = []
  for (const dto of dtos) {
    const text = typeof dto.text === 'string' ? dto.text.trim() : ''
    if (!text) continue
    if (dto.type === 'query') out.push({ kind: 'query', text })
    else if (dto.type === 'category' && dto.slug) out.push({ kind: 'category', text, slug: dto.slug })
    else if (dto.type === 'product' && typeof dto.id === 'number' && dto.slug) {
      out.push({ kind: 'product', text, id: dto.id, slug: dto.slug, product: known(dto.id) ?? null })
    }
  }
  return out
}
