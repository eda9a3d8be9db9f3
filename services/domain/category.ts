/** A catalog category as the backend lists it (flat; `parentId` links the tree). */
export interface Category {
  id: number
  slug: string
  name: string
  parentId: number | null
}

/** A category with its children, for trees and menus. */
export interface CategoryNode extends Category {
  children: CategoryNode[]
}

/** Flat list -> forest, children in the backend's order. Orphans (unknown parent) become roots. */
export function buildCategoryTree(categories: readonly Category[]): CategoryNode[] {
  const nodes = new Map<number, CategoryNode>()
  for (const category of categories) nodes.set(category.id, { ...category, children: [] })
  const roots: CategoryNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** Root-first ancestry of a category (itself last), for breadcrumbs; empty when the slug is unknown. */
export function categoryAncestry(categories: readonly Category[], slug: string): Category[] {
  const byId = new Map(categories.map(c => [c.id, c]))
  const path: Category[] = []
  let current = categories.find(c => c.slug === slug)
  // The guard stops a malformed (cyclic) tree from looping forever.
  while (current && path.length <= categories.length) {
    path.unshift(current)
    current = current.parentId === null ? undefined : byId.get(current.parentId)
  }
  return path
}
