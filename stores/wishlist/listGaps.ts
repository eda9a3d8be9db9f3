/**
 * Whether the /wishlist list (its ids newest first, and whether it has more pages) lacks a product that `ids`, read
 * after every page of it, have: one newer than a product the list shows, or any when the list has no more pages,
 * was added since (another device). Products removed since (`removedSince`) are not counted.
 */
export function listLacksAddition(ids: readonly number[], list: { ids: readonly number[], hasNext: boolean }, removedSince: (productId: number) => boolean): boolean {
  const listed = new Set(list.ids)
  let lastListed = -1
  ids.forEach((id, index) => {
    if (listed.has(id)) lastListed = index
  })
  return ids.some((id, index) => !listed.has(id) && !removedSince(id) && (index < lastListed || !list.hasNext))
}
