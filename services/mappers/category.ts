import type { CategoryDto } from '../dto'
import type { Category } from '../domain/category'

export function toCategory(dto: CategoryDto): Category {
  return { id: dto.id, slug: dto.slug, name: dto.name, parentId: dto.parent ?? null }
}
